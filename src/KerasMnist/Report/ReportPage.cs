using System.Globalization;
using System.Text;
using KerasMnist.Tutorial;

namespace KerasMnist.Report;

/// <summary>
/// The report of a run as one HTML page that opens offline: a header with the command, options, engine, host, seed
/// and date; a table of contents; then the notebook stage by stage (<see cref="ReportSection"/>). The style sheet is
/// inline, plots are data: URIs, and there is no script.
/// </summary>
public static class ReportPage
{
    /// <summary>
    /// The page for <paramref name="record"/> over all <paramref name="stages"/> (notebook order): every notebook cell
    /// appears, with this run's output under the cells of the stages that ran.
    /// </summary>
    /// <param name="record">What the run did.</param>
    /// <param name="stages">Every stage of the program, in notebook order, whether it ran or not.</param>
    /// <param name="notebook">The notebook; default: the tutorial's, embedded in the program.</param>
    /// <param name="cells">The stages' marked cells; default: read from the stage files embedded in the program.</param>
    /// <exception cref="FormatException">A stage file breaks the cell-marker rule.</exception>
    public static string Render(RunRecord record, IReadOnlyList<Stage> stages, Notebook? notebook = null, IReadOnlyList<StageSources.MarkedCell>? cells = null)
    {
        cells ??= StageSources.Cells(stages);
        var sections = NotebookSections.Of(notebook ?? Notebook.Tutorial, stages, cells);
        var records = record.Stages.ToDictionary(s => s.Name);

        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="de">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>KerasMnist – Bericht vom {E(German.Date(record.Started))}</title>
            <style>
            {EmbeddedText.Read("KerasMnist.Report.report.css")}
            </style>
            </head>
            <body>
            <header>
            <h1>KerasMnist – Bericht des Laufs</h1>
            <p class="lead">Jede Code-Zelle des Notebooks (Python) neben ihrer Portierung (C#), darunter, was dieser Lauf
            ausgegeben und gezeichnet hat.</p>

            """);
        Facts(html, record);
        html.Append("</header>\n");
        Contents(html, sections, records);
        html.Append("<main>\n");
        foreach (var section in sections)
            ReportSection.Render(html, section, records.GetValueOrDefault(section.Stage.Info.Name), cells);
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    static void Facts(StringBuilder html, RunRecord record)
    {
        var options = record.Options;
        var env = record.Environment;
        var ran = record.Stages.Where(s => s.WallTime is not null).ToList();
        var total = new TimeSpan(ran.Sum(s => s.WallTime!.Value.Ticks));
        var status = record.Failed is { } failed
            ? $"<span class=\"status-failed\">abgebrochen in <code>{E(failed.Name)}</code>: {E(failed.Error!)}</span>"
            : $"<span class=\"status-ok\">fertig</span>";
        html.Append("<dl class=\"facts\">\n");
        Fact(html, "Befehl", $"<code>{E(CommandLine(record))}</code>");
        Fact(html, "Status", $"{status} – {ran.Count} {(ran.Count == 1 ? "Abschnitt" : "Abschnitte")} in {E(WallTime.Format(total))}");
        Fact(html, "Optionen", E(
            $"Datensatz {options.Dataset} · Epochen: {(options.Epochs is { } e ? $"{e} (--epochs)" : "wie im Notebook")} · " +
            $"Trainingsbilder: {(options.Limit is { } n ? $"die ersten {German.Number(n)} (--limit)" : "alle")} · " +
            $"Daten: {options.DataDir ?? "gefunden von tfds.load"}"));
        Fact(html, "Seed", E(options.Seed.ToString(CultureInfo.InvariantCulture)));
        Fact(html, "Engine", E($"TorchSharp {env.TorchSharp} · libtorch {env.LibTorch} · Gerät {env.Device} · {env.Threads} Threads"));
        Fact(html, "Rechner", E($"{env.Cpu} · {env.LogicalCores} logische Kerne · {env.OperatingSystem} · {env.DotNet}"));
        Fact(html, "Datum", E(German.Date(record.Started)));
        Fact(html, "Ausgabe", $"<code>{E(Path.GetFullPath(options.Output))}</code>");
        html.Append("</dl>\n");
    }

    static void Fact(StringBuilder html, string name, string valueHtml) => html.Append($"<dt>{E(name)}</dt><dd>{valueHtml}</dd>\n");

    /// <summary>The command line that repeats the run: <c>KerasMnist run explore --seed 42 ...</c>.</summary>
    public static string CommandLine(RunRecord record)
    {
        var o = record.Options;
        var parts = new List<string> { "KerasMnist", "run" };
        parts.AddRange(record.Requested);
        if (o.DataDir is { } dir) parts.AddRange(["--data-dir", dir]);
        parts.AddRange(["--output", o.Output, "--dataset", o.Dataset, "--seed", o.Seed.ToString(CultureInfo.InvariantCulture)]);
        if (o.Epochs is { } epochs) parts.AddRange(["--epochs", epochs.ToString(CultureInfo.InvariantCulture)]);
        if (o.Limit is { } limit) parts.AddRange(["--limit", limit.ToString(CultureInfo.InvariantCulture)]);
        parts.AddRange(["--device", o.Device]);
        return string.Join(" ", parts.Select(p => p.Length > 0 && p.All(c => char.IsLetterOrDigit(c) || "-_./=:".Contains(c)) ? p : $"'{p}'"));
    }

    static void Contents(StringBuilder html, IReadOnlyList<NotebookSections.Section> sections, Dictionary<string, StageRecord> records)
    {
        html.Append("<nav>\n<h2>Inhalt</h2>\n<ol>\n");
        foreach (var section in sections)
        {
            var info = section.Stage.Info;
            html.Append($"<li><a href=\"#stage-{E(info.Name)}\">{E(info.Heading)}</a> <span class=\"time\">({E(info.Name)}: {E(ReportSection.Status(records.GetValueOrDefault(info.Name)))})</span></li>\n");
        }
        html.Append("</ol>\n</nav>\n");
    }

    static string E(string text) => Html.Encode(text);
}
