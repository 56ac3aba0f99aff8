using System.Text.RegularExpressions;
using KerasMnist.Report;
using KerasMnist.Tests.Fixtures;
using KerasMnist.Tutorial;

namespace KerasMnist.Tests.Docs;

/// <summary>
/// Keeps docs/side-by-side.md honest: it is what the generator writes from the notebook, the stage files' marked
/// cells and the notes, with one entry per notebook code cell, in order, naming a stage and a file that exist.
/// </summary>
public sealed class SideBySideTests
{
    static readonly string Root = Checkout.Root;
    static readonly string Doc = File.ReadAllText(Path.Combine(Root, "docs", "side-by-side.md"));

    sealed record Entry(int Number, string Stage, string File, string Python);

    [Fact]
    public void TheCommittedGuideIsWhatTheGeneratorWrites()
    {
        var notes = File.ReadAllText(Path.Combine(Root, "docs", "side-by-side-notes.md"));
        var generated = SideBySideGuide.Generate(notes, StageRegistry.Create());
        Assert.True(generated == Doc.ReplaceLineEndings("\n"),
            $"docs/side-by-side.md is not what the stage files and docs/side-by-side-notes.md give. In the checkout, run\n    {SideBySideGuide.Command}\n" +
            $"and commit the result. First difference at line {FirstDifference(generated, Doc)}.");
    }

    [Fact]
    public void NotesForNoCellAreAnError()
    {
        var e = Assert.Throws<FormatException>(() => SideBySideGuide.Generate("## Cell 22\n\nzu viel\n", StageRegistry.Create()));
        Assert.Contains("'## Cell 22' is neither '## Introduction' nor '## Cell n' for a notebook cell (1 to 21)", e.Message);
    }

    static int FirstDifference(string a, string b)
    {
        var (x, y) = (a.Split('\n'), b.ReplaceLineEndings("\n").Split('\n'));
        var line = 0;
        while (line < x.Length && line < y.Length && x[line] == y[line]) line++;
        return line + 1;
    }

    static List<Entry> Entries() => EntryRegex.Matches(Doc)
        .Select(m => new Entry(int.Parse(m.Groups["n"].Value), m.Groups["stage"].Value, m.Groups["file"].Value, m.Groups["py"].Value))
        .ToList();

    [Fact]
    public void EveryNotebookCodeCellHasAnEntryInOrderQuotingItsPython()
    {
        var entries = Entries();
        Assert.Equal(Enumerable.Range(1, entries.Count), entries.Select(e => e.Number));

        var cells = Checkout.NotebookCells.Select(FirstCodeLine).ToList();
        Assert.Equal(cells.Count, entries.Count);
        foreach (var (cell, entry) in cells.Zip(entries))
            Assert.True(FirstCodeLine(entry.Python) == cell,
                $"Cell {entry.Number} of side-by-side.md starts with '{FirstCodeLine(entry.Python)}', the notebook's with '{cell}'.");
    }

    [Fact]
    public void EveryStageNamedExistsAndEveryStageIsNamedWithItsFile()
    {
        var stages = StageRegistry.Create();
        var entries = Entries();
        foreach (var entry in entries)
        {
            var stage = stages.SingleOrDefault(s => s.Info.Name == entry.Stage);
            Assert.True(stage is not null, $"Cell {entry.Number} names stage '{entry.Stage}', which does not exist.");
            Assert.True(File.Exists(Path.Combine(Root, entry.File)), $"Cell {entry.Number} names {entry.File}, which does not exist.");
            Assert.EndsWith(stage!.GetType().Name + ".cs", entry.File);
        }
        foreach (var stage in stages)
            Assert.True(Doc.Contains($"`{stage.Info.Name}`"), $"Stage '{stage.Info.Name}' is not mentioned in side-by-side.md.");
        // Entries follow the notebook, so their stages follow the registry's (notebook) order.
        var order = entries.Select(e => stages.ToList().FindIndex(s => s.Info.Name == e.Stage)).ToList();
        Assert.Equal(order.OrderBy(i => i), order);
    }

    static string FirstCodeLine(string text) =>
        text.Replace('\u00a0', ' ').Split('\n').Select(l => l.Trim()).First(l => l.Length > 0);

    // An entry: its heading, the stage and file line, then the Python block. (The source-generated regex
    // found only the first entry of this pattern, so it is an ordinary compiled one.)
    static readonly Regex EntryRegex = new(@"^## Cell (?<n>\d+): [^\n]*\n\nStage `(?<stage>[a-z]+)`, file `(?<file>[^`]+)`\n\n```python\n(?<py>.*?)```", RegexOptions.Multiline | RegexOptions.Singleline);
}
