using System.Text.RegularExpressions;
using KerasMnist.Tests.Fixtures;
using KerasMnist.Tutorial;

namespace KerasMnist.Tests.Tutorial;

/// <summary>The <c>In(n);</c> ... <c>End(n);</c> markers: the rule itself, and that the stage files mark every notebook code cell once, in order.</summary>
public class CellMarkersTests
{
    static string StageFile(Stage stage) =>
        Path.Combine(Checkout.Root, "src", "KerasMnist", "Tutorial", "Stages", stage.GetType().Name + ".cs");

    // Every marked cell with the stage whose file marks it, in registry (notebook) order.
    static List<(Stage Stage, CellMarkers.Cell Cell)> MarkedCells() =>
        StageRegistry.Create().SelectMany(stage => CellMarkers.Extract(File.ReadAllText(StageFile(stage))).Select(cell => (stage, cell))).ToList();

    [Fact]
    public void EveryNotebookCodeCellIsMarkedExactlyOnceInNotebookOrder()
    {
        var numbers = MarkedCells().Select(m => m.Cell.Number).ToList();
        var expected = Checkout.NotebookCells.Count;
        Assert.Equal(Enumerable.Range(1, expected), numbers);
    }

    [Fact]
    public void EachMarkedCellPortsTheCallsOfItsPythonCell()
    {
        var python = Checkout.NotebookCells;
        // The notebook's calls a port of a cell cannot do without: a marker around the wrong code misses them.
        string[] calls =
        [
            "nvidia-smi", "tfds.load", "show_examples", "as_dataframe", "head()", "imshow", "min()", "max()", "countplot",
            "normalize_img", "shuffle", "Sequential", "Flatten", "Conv2D", "compile(", "fit(", "evaluate(", "predict(",
            "confusion_matrix", "classification_report", "argsort", "ResNet50", "ZeroPadding2D",
        ];
        foreach (var (stage, cell) in MarkedCells())
        {
            var py = python[cell.Number - 1];
            foreach (var call in calls.Where(py.Contains))
                Assert.True(cell.Code.Contains(call, StringComparison.Ordinal),
                    $"In [{cell.Number}] ({stage.GetType().Name}.cs line {cell.Line}) has no '{call}', which the notebook's cell calls.");
        }
    }

    [Fact]
    public void ATrainingStagesEpochsAreTheNotebooksForItsFitCell()
    {
        var python = Checkout.NotebookCells;
        var training = 0;
        foreach (var (stage, cell) in MarkedCells())
        {
            var match = Regex.Match(python[cell.Number - 1], @"epochs=(\d+)");
            if (!match.Success) continue;
            Assert.Equal(int.Parse(match.Groups[1].Value), stage.Info.Epochs);
            training++;
        }
        Assert.Equal(3, training);
    }

    [Fact]
    public void TheCodeBetweenTheMarkersIsTheCellDeindented()
    {
        var cells = CellMarkers.Extract("""
            void Run()
            {
                Markdown("not a cell");
                In(4);
                // ds_info enthaelt ...
                print(ds_info);
            #pragma warning disable NDW012
                if (x)
                    y();
            #pragma warning restore NDW012
                End(4);
                Table([], []);
                s.TrimEnd(' ');
                In(5);
                df = tfds.as_dataframe(ds_train, ds_info);
                End(5);
            }
            """);
        Assert.Equal([4, 5], cells.Select(c => c.Number));
        // A #pragma at column 0 does not pull the cell's indentation to 0.
        Assert.Equal("// ds_info enthaelt ...\nprint(ds_info);\n#pragma warning disable NDW012\nif (x)\n    y();\n#pragma warning restore NDW012", cells[0].Code);
        Assert.Equal(4, cells[0].Line);
        Assert.Equal("df = tfds.as_dataframe(ds_train, ds_info);", cells[1].Code);
    }

    [Theory]
    [InlineData("In(1);\nx();\n", "line 1: In [1] is never closed")]
    [InlineData("In(1);\nIn(2);\nx();\nEnd(2);\n", "line 2: In [2] opens inside In [1]")]
    [InlineData("In(1);\nx();\nEnd(2);\n", "line 3: 'End(2);' closes no open In [2]")]
    [InlineData("x();\nEnd(1);\n", "line 2: 'End(1);' closes no open In [1]")]
    [InlineData("In(1);\n\nEnd(1);\n", "line 1: In [1] marks no code")]
    [InlineData("In(1); tfds.load();\nx();\nEnd(1);\n", "line 1: a cell marker must stand alone")]
    [InlineData("In(1);\nx(); End(1);\n", "line 2: a cell marker must stand alone")]
    public void MarkersThatBreakTheRuleAreErrorsNamingTheLine(string source, string message)
    {
        var e = Assert.Throws<FormatException>(() => CellMarkers.Extract(source));
        Assert.StartsWith(message, e.Message);
    }
}
