using System.Text;
using System.Text.RegularExpressions;
using KerasMnist.Tutorial;

namespace KerasMnist.Report;

/// <summary>
/// docs/side-by-side.md, generated: every notebook code cell beside the C# its stage marks with <c>In(n);</c> ...
/// <c>End(n);</c>, with the hand-written notes of docs/side-by-side-notes.md. One source for the C# cells: the report
/// and this guide both read them from the stage files, so neither can drift from the code.
/// </summary>
public static partial class SideBySideGuide
{
    /// <summary>The command that rewrites the guide, for messages that ask for it.</summary>
    public const string Command = "dotnet run --project src/KerasMnist -- side-by-side docs/side-by-side.md";

    /// <summary>
    /// The guide's Markdown from <paramref name="notes"/> (the notes file's text: <c>## Introduction</c> and
    /// <c>## Cell n</c> sections), the notebook and the stages' marked cells (defaults: those built into the program).
    /// </summary>
    /// <exception cref="FormatException">The notes have a section that is neither, or one for a cell the notebook does not have.</exception>
    public static string Generate(string notes, IReadOnlyList<Stage> stages, Notebook? notebook = null, IReadOnlyList<StageSources.MarkedCell>? cells = null)
    {
        notebook ??= Notebook.Tutorial;
        cells ??= StageSources.Cells(stages);
        var (introduction, cellNotes) = ParseNotes(notes, notebook.CodeCells.Count);

        var md = new StringBuilder();
        md.Append($"""
            # The notebook beside the port

            <!-- Generated, do not edit: change the stage files or docs/side-by-side-notes.md, then run
            {Command} -->

            Every code cell of the notebook (`In [None]:`), in notebook order, beside the C# that ports it: the code between
            the cell's `In(n);` and `End(n);` in the stage file named (the rule is in `src/KerasMnist/Tutorial/CellMarkers.cs`),
            with a note where the port differs. `run` writes the same pairs with that run's output beside them as
            `report.html` in its output folder. Run a stage with `dotnet run -c Release --project src/KerasMnist -- run STAGE`.

            """);
        if (introduction.Length > 0) md.Append('\n').Append(introduction).Append('\n');

        foreach (var code in notebook.CodeCells)
        {
            var port = cells.FirstOrDefault(c => c.Cell.Number == code.Number);
            md.Append($"\n## Cell {code.Number}: {port?.Stage.Info.Heading ?? "(not ported)"}\n\n");
            md.Append(port is null ? "No stage marks this cell.\n\n" : $"Stage `{port.Stage.Info.Name}`, file `{port.File}`\n\n");
            md.Append($"```python\n{code.Source}\n```\n");
            if (port is not null) md.Append($"\n```csharp\n{port.Cell.Code}\n```\n");
            if (cellNotes.TryGetValue(code.Number, out var note)) md.Append('\n').Append(note).Append('\n');
        }

        var sections = NotebookSections.Of(notebook, stages, cells);
        var withoutCells = sections.Where(s => !s.Items.OfType<Notebook.Code>().Any()).ToList();
        if (withoutCells.Count > 0)
        {
            md.Append("\n## Stages without a code cell\n\n");
            foreach (var section in withoutCells)
                md.Append($"- `{section.Stage.Info.Name}` ({section.Stage.Info.Heading}, file `{StageSources.FileOf(section.Stage.GetType())}`): " +
                    (section.Items.Count > 0 ? "the notebook's text of this section, told in the console." : "beyond the notebook.") + "\n");
        }
        return md.ToString();
    }

    static (string Introduction, Dictionary<int, string> Cells) ParseNotes(string notes, int cellCount)
    {
        var introduction = "";
        var cells = new Dictionary<int, string>();
        var parts = NoteHeading().Split(notes.ReplaceLineEndings("\n"));
        // parts: [preamble, heading, body, heading, body, ...]; the preamble is for the notes' editors.
        for (var i = 1; i + 1 < parts.Length; i += 2)
        {
            var (heading, body) = (parts[i].Trim(), parts[i + 1].Trim());
            if (heading == "Introduction")
                introduction = body;
            else if (CellHeading().Match(heading) is { Success: true } cell && int.Parse(cell.Groups[1].Value) is var n && n >= 1 && n <= cellCount)
                cells[n] = body;
            else
                throw new FormatException(
                    $"side-by-side notes: '## {heading}' is neither '## Introduction' nor '## Cell n' for a notebook cell (1 to {cellCount}).");
        }
        return (introduction, cells);
    }

    [GeneratedRegex(@"^## (.+)$", RegexOptions.Multiline)]
    private static partial Regex NoteHeading();

    [GeneratedRegex(@"^Cell (\d+)$")]
    private static partial Regex CellHeading();
}
