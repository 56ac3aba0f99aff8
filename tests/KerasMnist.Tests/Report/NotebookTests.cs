using KerasMnist.Report;
using KerasMnist.Tests.Fixtures;
using KerasMnist.Tutorial;

namespace KerasMnist.Tests.Report;

/// <summary>The notebook as the program reads it, and which stage each part of it belongs to.</summary>
public sealed class NotebookTests
{
    static readonly Notebook Tutorial = Notebook.Tutorial;

    [Fact]
    public void TheEmbeddedNotebookIsTheTrackedCopyOfTheReference()
    {
        var tracked = Checkout.Notebook;
        Assert.Equal(Notebook.Parse(tracked).Items, Tutorial.Items);
        // The shared reference, where the machine has it, is the one the copy was taken from.
        var shared = Path.Combine(Checkout.Root, "..", "shared", "reference", "notebook.txt");
        if (File.Exists(shared)) Assert.Equal(File.ReadAllText(shared), tracked);
    }

    [Fact]
    public void CodeCellsAreNumberedInOrderAndEndWhereMarkdownStarts()
    {
        var cells = Tutorial.CodeCells;
        Assert.Equal(Enumerable.Range(1, Checkout.NotebookCodeCells), cells.Select(c => c.Number));
        Assert.Equal("! nvidia-smi", cells[0].Source);
        Assert.EndsWith("tfds.visualization.show_examples(ds_train, ds_info)\n\nplt.show()", cells[2].Source);
        // A comment after a blank line stays in the cell; the markdown after it does not.
        Assert.EndsWith("#\u00a0relativ Wichtig fuer die Analyse spaeter!", cells[7].Source);
        Assert.StartsWith("input_layer = tf.keras.layers.Input((28, 28, 1))", cells[18].Source);
        Assert.EndsWith("print(model.evaluate(ds_valid))\nprint(model.evaluate(ds_test))", cells[20].Source);
    }

    [Fact]
    public void MarkdownIsCutAtItsHeadings()
    {
        var headings = Tutorial.Items.OfType<Notebook.Markdown>().Where(m => m.Heading is not null).Select(m => $"{m.Level} {m.Heading}").ToList();
        Assert.Equal(
        [
            "1 Google Colab", "1 Problemstellung", "2 Ziffernerkennung", "1 Datensammlung", "2 MNIST", "1 Erste Datenanalyse",
            "1 Die Beschriftungen sind \"Klassenname (Klassen-ID)\".", "1 Bauen eines ersten Models", "2 Datenvorbereitung",
            "2 Modelerstellung", "2 Modeltraining", "1 Analyse der Ergebnisse", "1 Verbessern des Models", "1 Keras Modelle",
        ], headings);
        var colab = Assert.IsType<Notebook.Markdown>(Tutorial.Items[0]);
        Assert.StartsWith("Wir nutzen Colab", colab.Text);
    }

    [Fact]
    public void EachStageGetsItsPartOfTheNotebookInNotebookOrder()
    {
        var stages = StageRegistry.Create();
        var sections = NotebookSections.Of(Tutorial, stages, StageSources.Cells(stages));

        // Every item once, and reading the sections in stage order reads the notebook.
        Assert.Equal(Tutorial.Items, sections.SelectMany(s => s.Items));
        string Of(string stage) => string.Join(" | ", sections.Single(s => s.Stage.Info.Name == stage).Items.Select(Describe));
        Assert.Equal("# Google Colab | In 1", Of("colab"));
        Assert.Equal("# Problemstellung | ## Ziffernerkennung", Of("problem"));
        Assert.Equal("# Datensammlung | ## MNIST | In 2", Of("collect"));
        Assert.Equal("# Bauen eines ersten Models | ## Datenvorbereitung | In 9", Of("prepare"));
        Assert.Equal("## Modelerstellung | In 10 | In 11", Of("build"));
        Assert.Equal("# Analyse der Ergebnisse | In 13 | text | In 14 | text | In 15 | text", Of("analyze"));
    }

    [Fact]
    public void TheEmbeddedStageFilesAreTheOnesInTheCheckout()
    {
        foreach (var stage in StageRegistry.Create())
        {
            var file = Path.Combine(Checkout.Root, StageSources.FileOf(stage.GetType()));
            Assert.Equal(File.ReadAllText(file), StageSources.Of(stage.GetType()));
        }
    }

    static string Describe(Notebook.Item item) => item switch
    {
        Notebook.Code code => $"In {code.Number}",
        Notebook.Markdown { Heading: { } heading } m => $"{new string('#', m.Level)} {heading}",
        _ => "text",
    };
}
