using System.Text.RegularExpressions;
using KerasMnist.Report;
using KerasMnist.Tests.Tutorial;
using KerasMnist.Tutorial;

namespace KerasMnist.Tests.Report;

/// <summary>The report page built from a recorded run: the notebook in order, both languages per cell, each output under its cell.</summary>
public sealed class ReportPageTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("kerasmnist-report-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    // A stage beyond the notebook, like a coming `cheque` stage: no cells, its own text and output.
    [Stage("extra", "Schecks lesen", "beyond the notebook")]
    sealed class Extra : Stage
    {
        protected override void Run() { }
    }

    static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    static RunRecord Recorded()
    {
        var record = new RunRecord
        {
            Options = TestRunOptions.Default with { Limit = 2000, Epochs = 1 },
            Requested = ["explore", "extra"],
            Environment = new RunEnvironment("cpu", 2, "0.107.0", "2.10.0", "Test CPU 3000", 2, "Debian", ".NET 10"),
            Started = new DateTimeOffset(2026, 12, 1, 14, 3, 0, TimeSpan.FromHours(1)),
        };
        var collect = new StageRecord("collect") { Note = "explore braucht collect: läuft zuerst.", WallTime = TimeSpan.FromSeconds(3.456) };
        collect.Output.Add(new TextBlock(new(2, null), TextKind.Printed, ["", "geladen <mnist>", ""]));
        collect.Output.Add(new TableBlock(new(null, 2), ["", "split", "Bilder"], [["ds_train", "train[:70%]", "2.000"]]));
        var explore = new StageRecord("explore") { WallTime = TimeSpan.FromMilliseconds(850) };
        explore.Output.Add(new TextBlock(new(null, null), TextKind.Markdown, ["Der eigene Text der Stage."]));
        explore.Output.Add(new FileBlock(new(3, null), "/out/explore_show_examples.png", Png));
        explore.Output.Add(new TextBlock(new(7, 6), TextKind.Printed, ["Min: 0 - Max: 255"]));
        explore.Output.Add(new ErrorBlock(new(8, 7), "xticklabels has 10 names"));
        explore.Error = "xticklabels has 10 names";
        var extra = new StageRecord("extra") { WallTime = TimeSpan.FromSeconds(75) };
        extra.Output.Add(new TextBlock(new(null, null), TextKind.Markdown, ["Wir lesen einen **Scheck**."]));
        extra.Output.Add(new TextBlock(new(null, null), TextKind.Printed, ["Betrag: 120,50"]));
        record.Stages.AddRange([collect, explore, extra]);
        return record;
    }

    static readonly IReadOnlyList<Stage> Stages = [.. StageRegistry.Create(), new Extra()];

    static string Cell(string html, int number)
    {
        var start = html.IndexOf($"<div class=\"cell\" id=\"cell-{number}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"cell {number} missing");
        var end = html.IndexOf("<div class=\"cell\"", start + 1, StringComparison.Ordinal);
        var section = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return html[start..(end < 0 ? section : Math.Min(end, section))];
    }

    [Fact]
    public void EveryNotebookCellStandsBesideItsCSharpInNotebookOrder()
    {
        var html = ReportPage.Render(Recorded(), Stages);

        var cells = Regex.Matches(html, "<div class=\"cell\" id=\"cell-(\\d+)\"").Select(m => int.Parse(m.Groups[1].Value));
        Assert.Equal(Enumerable.Range(1, 21), cells);
        var stages = Regex.Matches(html, "<section class=\"stage[^\"]*\" id=\"stage-([a-z]+)\"").Select(m => m.Groups[1].Value);
        Assert.Equal(Stages.Select(s => s.Info.Name), stages);
        foreach (var n in Enumerable.Range(1, 21))
        {
            var cell = Cell(html, n);
            Assert.Contains("<div class=\"code python\">", cell);
            Assert.Contains("<div class=\"code csharp\"><div class=\"lang\">C# (", cell);
            Assert.DoesNotContain("keine Portierung", cell);
        }
        // The Python as the notebook has it, the C# as the stage file marks it.
        Assert.Contains("(ds_train, ds_valid, ds_test), ds_info = tfds.load(", Cell(html, 2));
        Assert.Contains("((ds_train, ds_valid, ds_test), ds_info) = tfds.load(", Cell(html, 2));
        Assert.Contains("<h1>Google Colab</h1>".Replace("h1", "h2"), html);
        Assert.Contains("<h3>Ziffernerkennung</h3>", html);
    }

    [Fact]
    public void EachOutputStandsUnderItsCellAndTheStagesThatDidNotRunSaySo()
    {
        var html = ReportPage.Render(Recorded(), Stages);

        Assert.Contains("<pre>geladen &lt;mnist&gt;</pre>", Cell(html, 2));
        // The table printed after cell 2, outside it, follows that cell's output.
        Assert.Contains("<td>ds_train</td><td>train[:70%]</td><td class=\"number\">2.000</td>", Cell(html, 2));
        Assert.Contains($"<img src=\"data:image/png;base64,{Convert.ToBase64String(Png)}\" alt=\"explore_show_examples.png\">", Cell(html, 3));
        Assert.Contains("<pre>Min: 0 - Max: 255</pre>", Cell(html, 7));
        Assert.Contains("<p class=\"error\">Fehler: xticklabels has 10 names</p>", Cell(html, 8));
        Assert.Contains("keine Ausgabe", Cell(html, 4));
        // The notebook's text stands for the stage's own, which is not repeated.
        Assert.DoesNotContain("Der eigene Text der Stage.", html);
        Assert.DoesNotContain("<div class=\"output\">", Cell(html, 12));

        Assert.Contains("<section class=\"stage not-run\" id=\"stage-train\"", html);
        Assert.Contains("<section class=\"stage failed\" id=\"stage-explore\"", html);
        Assert.Contains("Laufzeit 3,46 s", html);
        Assert.Contains("abgebrochen nach 850 ms", html);
        Assert.Contains("explore braucht collect: läuft zuerst.", html);
    }

    [Fact]
    public void AStageBeyondTheNotebookShowsItsTitleTextAndOutput()
    {
        var html = ReportPage.Render(Recorded(), Stages);
        var start = html.IndexOf("id=\"stage-extra\"", StringComparison.Ordinal);
        var section = html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];

        Assert.Contains("<h2>Schecks lesen</h2>", section);
        Assert.Contains("Laufzeit 1 min 15 s", section);
        Assert.Contains("Wir lesen einen **Scheck**.", section);
        Assert.Contains("<pre>Betrag: 120,50</pre>", section);
        Assert.DoesNotContain("class=\"cell\"", section);
    }

    [Fact]
    public void TheHeaderGivesCommandOptionsEngineHostSeedAndDate()
    {
        var html = ReportPage.Render(Recorded(), Stages);
        var header = html[..html.IndexOf("</header>", StringComparison.Ordinal)];

        Assert.Contains("KerasMnist run explore extra --output output --dataset mnist --seed 42 --epochs 1 --limit 2000 --device cpu", header);
        Assert.Contains("abgebrochen in <code>explore</code>: xticklabels has 10 names", header);
        Assert.Contains("die ersten 2.000 (--limit)", header);
        Assert.Contains("TorchSharp 0.107.0 · libtorch 2.10.0 · Gerät cpu · 2 Threads", header);
        Assert.Contains("Test CPU 3000 · 2 logische Kerne", header);
        Assert.Contains("<dt>Seed</dt><dd>42</dd>", header);
        Assert.Contains("01.12.2026, 14:03 Uhr (UTC+01:00)", header);
        // Offline: no scripts, nothing fetched (the notebook's web images are links).
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img src=\"http", html);
        Assert.Contains("@media print", html);
    }

    [Fact]
    public void TheReportIsWrittenWholeOverAnEarlierOne()
    {
        var path = Path.Combine(folder, "report.html");
        File.WriteAllText(path, "earlier");

        Assert.Equal(path, ReportFile.Write(Recorded(), Stages, folder));

        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(path));
        Assert.Equal(["report.html"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void AReportThatCannotBeWrittenLeavesNoFileBehind()
    {
        // The temporary file is written, but the report's name is taken by a folder: the move fails.
        Directory.CreateDirectory(Path.Combine(folder, "report.html"));

        Assert.ThrowsAny<IOException>(() => ReportFile.Write(Recorded(), Stages, folder));

        Assert.Empty(Directory.GetFiles(folder));
    }
}
