using KerasMnist.Tutorial;
using System.Text;

namespace KerasMnist.Report;

/// <summary>
/// One stage's section of the report: its part of the notebook in order (markdown as text, each code cell as Python
/// beside C#) and under each cell what this run printed and plotted there. Output outside the cells (a table after a
/// cell, the problem stage's text) follows the cell before it. A stage beyond the notebook shows its title, its own
/// text and its output.
/// </summary>
static class ReportSection
{
    /// <summary>The stage's state for the contents and its bar: its wall time, or that it did not run or failed.</summary>
    public static string Status(StageRecord? record) => record switch
    {
        null => "nicht ausgeführt",
        { Error: not null, WallTime: { } t } => $"abgebrochen nach {WallTime.Format(t)}",
        { WallTime: { } t } => $"Laufzeit {WallTime.Format(t)}",
        _ => "läuft",
    };

    public static void Render(StringBuilder html, NotebookSections.Section section, StageRecord? record, IReadOnlyList<StageSources.MarkedCell> cells)
    {
        var info = section.Stage.Info;
        var state = record is null ? " not-run" : record.Error is not null ? " failed" : "";
        html.Append($"<section class=\"stage{state}\" id=\"stage-{E(info.Name)}\" data-stage=\"{E(info.Name)}\">\n");
        var beyondNotebook = section.Items.Count == 0;
        // The section opens with the notebook's heading where it has one, else the stage's title; the bar follows.
        if (beyondNotebook || section.Items[0] is not Notebook.Markdown { Heading: not null })
            html.Append($"<h2>{E(info.Heading)}</h2>\n");
        var bar = $"<div class=\"stage-bar\"><span>Abschnitt <code>{E(info.Name)}</code></span>" +
            $"<span class=\"walltime\">{E(Status(record))}</span>" +
            (record?.Note is { } note ? $"<span>{E(note)}</span>" : "") + "</div>\n";

        var output = record?.Output ?? [];
        var shown = 0;
        foreach (var item in section.Items)
        {
            if (item is Notebook.Markdown markdown)
            {
                if (markdown.Heading is { } heading)
                    html.Append($"<h{markdown.Level + 1}>{MarkdownHtml.Inline(heading)}</h{markdown.Level + 1}>\n");
                html.Append(bar);
                bar = "";
                if (markdown.Text.Length > 0)
                    html.Append("<div class=\"markdown\">\n").Append(MarkdownHtml.Render(markdown.Text)).Append("</div>\n");
                continue;
            }
            html.Append(bar);
            bar = "";
            var code = (Notebook.Code)item;
            // Output before the stage's first cell (a note, a table) opens its first cell's output.
            var before = shown++ == 0 ? output.Where(b => b.Place == default).ToList() : [];
            Cell(html, code, cells.FirstOrDefault(c => c.Cell.Number == code.Number), record,
                [.. before, .. output.Where(b => b.Place.Cell == code.Number), .. output.Where(b => b.Place is { Cell: null, After: { } after } && after == code.Number)]);
        }
        html.Append(bar);
        if (shown == 0 && record is not null)
            Output(html, output, showOwnText: beyondNotebook);
        html.Append("</section>\n");
    }

    static void Cell(StringBuilder html, Notebook.Code code, StageSources.MarkedCell? port, StageRecord? record, List<OutputBlock> output)
    {
        html.Append($"<div class=\"cell\" id=\"cell-{code.Number}\" data-cell=\"{code.Number}\">\n");
        html.Append($"<div class=\"cell-label\">In [{code.Number}]</div>\n<div class=\"code-pair\">\n");
        html.Append("<div class=\"code python\"><div class=\"lang\">Python (Notebook)</div>")
            .Append($"<pre><code>{SyntaxHighlighter.Python(code.Source)}</code></pre></div>\n");
        html.Append($"<div class=\"code csharp\"><div class=\"lang\">C# ({E(port is null ? "keine Portierung" : Path.GetFileName(port.File))})</div>");
        html.Append(port is null
            ? "<div class=\"missing\">Keine Stage markiert diese Zelle.</div></div>\n"
            : $"<pre><code>{SyntaxHighlighter.CSharp(port.Cell.Code)}</code></pre></div>\n");
        html.Append("</div>\n");
        if (record is not null)
            Output(html, output, showOwnText: false);
        html.Append("</div>\n");
    }

    // A run's output: printed text monospace, tables as tables, plots inline. The stage's own markdown and
    // subheadings only show where the notebook has no text for the stage.
    static void Output(StringBuilder html, IEnumerable<OutputBlock> blocks, bool showOwnText)
    {
        var body = new StringBuilder();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case TextBlock { Kind: TextKind.Printed } text when Trimmed(text.Lines) is { Length: > 0 } printed:
                    body.Append($"<pre>{E(printed)}</pre>\n");
                    break;
                case TextBlock { Kind: TextKind.Note } note:
                    body.Append($"<p class=\"note\">{E(string.Join("\n", note.Lines))}</p>\n");
                    break;
                case TextBlock { Kind: TextKind.Markdown } markdown when showOwnText:
                    body.Append("<div class=\"stage-text\">").Append(MarkdownHtml.Render(string.Join("\n\n", markdown.Lines))).Append("</div>\n");
                    break;
                case TextBlock { Kind: TextKind.Subheading } heading when showOwnText:
                    body.Append($"<h3>{E(string.Join(" ", heading.Lines))}</h3>\n");
                    break;
                case TableBlock table:
                    Table(body, table);
                    break;
                case FileBlock { Png: { } png } plot:
                    body.Append($"<figure class=\"plot\"><img src=\"data:image/png;base64,{Convert.ToBase64String(png)}\" alt=\"{E(Path.GetFileName(plot.Path))}\">")
                        .Append($"<figcaption>{E(plot.Path)}</figcaption></figure>\n");
                    break;
                case FileBlock file:
                    body.Append($"<p class=\"file\">-&gt; {E(file.Path)}</p>\n");
                    break;
                case ErrorBlock error:
                    body.Append($"<p class=\"error\">Fehler: {E(error.Message)}</p>\n");
                    break;
            }
        }
        html.Append(body.Length == 0
            ? "<p class=\"no-output\">keine Ausgabe</p>\n"
            : $"<div class=\"output\"><div class=\"output-title\">Ausgabe</div>\n{body}</div>\n");
    }

    static void Table(StringBuilder html, TableBlock table)
    {
        html.Append("<table class=\"out\">\n");
        if (table.Headers.Count > 0)
            html.Append("<thead><tr>").AppendJoin("", table.Headers.Select(h => $"<th>{E(h)}</th>")).Append("</tr></thead>\n");
        // A column of numbers only is right-aligned, so digits line up; a version string among words is not a number.
        var numeric = Enumerable.Range(0, table.Rows.Count == 0 ? 0 : table.Rows.Max(r => r.Count))
            .Select(c => table.Rows.All(r => c < r.Count && Number(r[c]))).ToArray();
        html.Append("<tbody>\n");
        foreach (var row in table.Rows)
            html.Append("<tr>").AppendJoin("", row.Select((cell, c) => numeric[c] ? $"<td class=\"number\">{E(cell)}</td>" : $"<td>{E(cell)}</td>")).Append("</tr>\n");
        html.Append("</tbody></table>\n");
    }

    static bool Number(string cell) => cell.Length > 0 && char.IsDigit(cell[0]) && cell.All(c => char.IsDigit(c) || c is '.' or ',' or '%' or ' ');

    // Blank lines around a block are the terminal's spacing; inside it they are the output's own.
    static string Trimmed(List<string> lines)
    {
        var all = string.Join("\n", lines).Split('\n');
        var first = Array.FindIndex(all, l => l.Trim().Length > 0);
        var last = Array.FindLastIndex(all, l => l.Trim().Length > 0);
        return first < 0 ? "" : string.Join("\n", all[first..(last + 1)].Select(l => l.TrimEnd()));
    }

    static string E(string text) => Html.Encode(text);
}
