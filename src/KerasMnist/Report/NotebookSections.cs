using KerasMnist.Tutorial;

namespace KerasMnist.Report;

/// <summary>
/// Which notebook items (markdown, code cells) belong to which stage, so the report can follow the notebook stage by
/// stage. A code cell belongs to the stage whose file marks it. The notebook is cut at its headings; a piece belongs
/// to the stage of its first code cell, else to the stage without code cells whose title or subtitle is its heading
/// (<c>problem</c>), else to the stage of the next piece that has one (an introduction such as "Bauen eines ersten
/// Models" goes with the cells it introduces). Markdown after a cell stays with that cell's stage.
/// </summary>
public static class NotebookSections
{
    /// <summary>A stage and its part of the notebook (empty for a stage beyond the notebook).</summary>
    public sealed record Section(Stage Stage, IReadOnlyList<Notebook.Item> Items);

    /// <summary>
    /// One section per stage of <paramref name="stages"/>, in their (notebook) order, holding the items of
    /// <paramref name="notebook"/> that belong to it, in notebook order.
    /// </summary>
    public static IReadOnlyList<Section> Of(Notebook notebook, IReadOnlyList<Stage> stages, IReadOnlyList<StageSources.MarkedCell> cells)
    {
        var cellStage = cells.GroupBy(c => c.Cell.Number).ToDictionary(g => g.Key, g => g.First().Stage);
        var withCells = cellStage.Values.ToHashSet();
        var pieces = Pieces(notebook);

        // A piece's own stage, then (backwards) the next piece's for those without one.
        var owners = pieces.Select(piece => Own(piece, stages, cellStage, withCells)).ToArray();
        Stage? next = null;
        for (var i = owners.Length - 1; i >= 0; i--)
            next = owners[i] ??= next;
        // Trailing pieces without a stage (markdown after the last cell) stay with the stage before them.
        for (var i = 1; i < owners.Length; i++)
            owners[i] ??= owners[i - 1];

        var items = stages.ToDictionary(s => s, _ => new List<Notebook.Item>());
        for (var i = 0; i < pieces.Count; i++)
        {
            var current = owners[i];
            foreach (var item in pieces[i])
            {
                if (item is Notebook.Code code && cellStage.TryGetValue(code.Number, out var stage)) current = stage;
                if (current is not null) items[current].Add(item);
            }
        }
        return stages.Select(s => new Section(s, items[s])).ToList();
    }

    static Stage? Own(List<Notebook.Item> piece, IReadOnlyList<Stage> stages, Dictionary<int, Stage> cellStage, HashSet<Stage> withCells)
    {
        foreach (var code in piece.OfType<Notebook.Code>())
            if (cellStage.TryGetValue(code.Number, out var stage)) return stage;
        return piece[0] is Notebook.Markdown { Heading: { } heading }
            ? stages.FirstOrDefault(s => !withCells.Contains(s) && (s.Info.Title == heading || s.Info.Subtitle == heading))
            : null;
    }

    // The notebook cut before each heading.
    static List<List<Notebook.Item>> Pieces(Notebook notebook)
    {
        var pieces = new List<List<Notebook.Item>>();
        foreach (var item in notebook.Items)
        {
            if (pieces.Count == 0 || item is Notebook.Markdown { Heading: not null }) pieces.Add([]);
            pieces[^1].Add(item);
        }
        return pieces;
    }
}
