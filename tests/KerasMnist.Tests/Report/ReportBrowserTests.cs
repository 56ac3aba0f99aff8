using KerasMnist.Report;
using KerasMnist.Tests.Fixtures;
using KerasMnist.Tests.Isolation;
using KerasMnist.Tests.Tutorial;
using KerasMnist.Tutorial;
using Microsoft.Playwright;

namespace KerasMnist.Tests.Report;

/// <summary>
/// The report of a real short run, opened in a real browser: Playwright for .NET driving Debian's chromium (no
/// browser download). It must load without errors, decode every plot, follow the notebook's order and show every
/// code cell in both languages exactly as the notebook and the stage files have them. The screenshot and the page
/// are kept in the test output folder (report-browser/).
/// </summary>
public sealed class ReportBrowserTests : IDisposable
{
    /// <summary>Debian's chromium; Playwright launches it instead of a browser of its own.</summary>
    const string Chromium = "/usr/bin/chromium";

    readonly string folder = Directory.CreateTempSubdirectory("kerasmnist-browser-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task TheReportOfAShortRunLoadsCleanlyWithEveryCellInBothLanguagesAndEveryPlotDecoded()
    {
        Assert.True(File.Exists(Chromium),
            $"{Chromium} is missing: the report's browser test runs in Debian's chromium. Install it with " +
            "'sudo apt-get install -y chromium' (.ci/run does this on a fresh machine).");

        // The fast stages: everything up to analyze, skipping improve and applications, which then show as not run.
        var output = Path.Combine(folder, "output");
        var (code, stdout, error) = ProgramProcess.Run(folder,
            new Dictionary<string, string?> { ["KERASMNIST_DATA_DIR"] = SharedMnist.Folder }, TimeSpan.FromMinutes(15),
            "run", "colab", "problem", "explore", "analyze", "--epochs", "1", "--limit", "300", "--output", output);
        Assert.True(code == 0, $"{ExitStatus.Describe(code)}\n{error}\n{stdout}");
        var report = Path.Combine(output, ReportFile.FileName);
        Assert.EndsWith($"Bericht: {report}", stdout.TrimEnd());
        // The data folder came from KERASMNIST_DATA_DIR: the header's repeat command passes it, so it repeats offline.
        Assert.Contains($"--data-dir {Path.GetFullPath(SharedMnist.Folder)} --output", File.ReadAllText(report));
        var plots = Directory.GetFiles(output, "*.png").Length;
        Assert.True(plots >= 10, $"the run wrote {plots} plots");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 } });
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") problems.Add($"console: {message.Text}"); };
        page.PageError += (_, message) => problems.Add($"page error: {message}");
        page.RequestFailed += (_, request) => problems.Add($"failed request: {request.Url[..Math.Min(80, request.Url.Length)]}");
        await page.GotoAsync(new Uri(report).AbsoluteUri, new() { WaitUntil = WaitUntilState.Load });

        var kept = Path.Combine(AppContext.BaseDirectory, "report-browser");
        Directory.CreateDirectory(kept);
        File.Copy(report, Path.Combine(kept, ReportFile.FileName), overwrite: true);
        await page.ScreenshotAsync(new() { Path = Path.Combine(kept, "report.png"), FullPage = true });

        Assert.Empty(problems);

        // Every plot the run wrote is in the page and decoded.
        var widths = await page.EvaluateAsync<int[]>("Array.from(document.images).map(i => i.complete ? i.naturalWidth : 0)");
        Assert.Equal(plots, widths.Length);
        Assert.All(widths, w => Assert.True(w > 0, $"an image did not decode: widths {string.Join(", ", widths)}"));

        // The stages in notebook order; the two that did not run say so.
        var stages = StageRegistry.Create();
        Assert.Equal(stages.Select(s => s.Info.Name), await page.EvaluateAsync<string[]>(
            "Array.from(document.querySelectorAll('section.stage')).map(s => s.dataset.stage)"));
        Assert.Equal(["improve", "applications", "cheque"], await page.EvaluateAsync<string[]>(
            "Array.from(document.querySelectorAll('section.stage.not-run')).map(s => s.dataset.stage)"));

        // Every notebook code cell, with its Python and its C# as the browser renders them: the highlighting loses no character.
        Assert.Equal(Enumerable.Range(1, Notebook.Tutorial.CodeCells.Count).Select(n => n.ToString()),
            await page.EvaluateAsync<string[]>("Array.from(document.querySelectorAll('.cell')).map(c => c.dataset.cell)"));
        var python = await page.EvaluateAsync<string[]>("Array.from(document.querySelectorAll('.cell .code.python pre')).map(p => p.textContent)");
        var csharp = await page.EvaluateAsync<string[]>("Array.from(document.querySelectorAll('.cell .code.csharp pre')).map(p => p.textContent)");
        Assert.Equal(Notebook.Tutorial.CodeCells.Select(c => c.Source), python);
        Assert.Equal(StageSources.Cells(stages).Select(c => c.Cell.Code), csharp);

        // This run's output stands under the cells of the stages that ran: the examples grid under In [3], the
        // classification report under In [14].
        Assert.Equal(1, await page.Locator("#cell-3 .output img").CountAsync());
        Assert.Contains("weighted avg", await page.Locator("#cell-14 .output").InnerTextAsync());
        Assert.Equal(0, await page.Locator("#cell-16 .output").CountAsync());
    }
}
