using System.Text.RegularExpressions;
using KerasMnist.Tests.Fixtures;
using KerasMnist.Tutorial;

namespace KerasMnist.Tests.Docs;

/// <summary>
/// Keeps docs/side-by-side.md honest: one entry per notebook code cell, in order, each quoting that cell's
/// Python and naming a stage that exists and a file that exists.
/// </summary>
public sealed class SideBySideTests
{
    static readonly string Root = Checkout.Root;
    static readonly string Doc = File.ReadAllText(Path.Combine(Root, "docs", "side-by-side.md"));

    sealed record Entry(int Number, string Stage, string File, string Python);

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
