using System.Diagnostics;
using KerasMnist.Datasets.Core;
using Spectre.Console;
using Size = KerasMnist.Datasets.Core.Size;

namespace KerasMnist.Datasets.Download;

/// <summary>Shows the progress of one file download (tfds shows tqdm bars).</summary>
public interface IDownloadProgress
{
    /// <summary>
    /// Runs <paramref name="download"/>, which reports each chunk it receives through the callback it is given.
    /// Exceptions from <paramref name="download"/> propagate.
    /// </summary>
    /// <param name="description">What is downloaded, e.g. the file name.</param>
    /// <param name="totalBytes">The expected size.</param>
    /// <param name="download">The work; calls its argument with the byte count of every chunk.</param>
    void Track(string description, long totalBytes, Action<Action<long>> download);
}

/// <summary>The default displays.</summary>
public static class DownloadProgress
{
    /// <summary>
    /// A live Spectre.Console bar on standard error when that is an interactive terminal; otherwise
    /// <see cref="PlainDownloadProgress"/> on <paramref name="log"/> (a redirected log gets a few lines, not redraws).
    /// </summary>
    public static IDownloadProgress ForConsole(TextWriter log)
    {
        if (!Console.IsErrorRedirected && ReferenceEquals(log, Console.Error))
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            if (console.Profile.Capabilities.Interactive)
                return new SpectreDownloadProgress(console);
        }
        return new PlainDownloadProgress(log);
    }
}

/// <summary>A Spectre.Console progress bar with size, speed and remaining time.</summary>
public sealed class SpectreDownloadProgress(IAnsiConsole console) : IDownloadProgress
{
    /// <inheritdoc/>
    public void Track(string description, long totalBytes, Action<Action<long>> download) =>
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                     new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(description), maxValue: Math.Max(1, totalBytes));
                download(bytes => task.Increment(bytes));
            });
}

/// <summary>
/// Progress as a few plain lines for logs and CI: one when a download starts, one per quarter for files of
/// 1 MiB or more, one when it ends.
/// </summary>
public sealed class PlainDownloadProgress(TextWriter log) : IDownloadProgress
{
    private const long MilestoneMinimum = 1 << 20;

    /// <inheritdoc/>
    public void Track(string description, long totalBytes, Action<Action<long>> download)
    {
        log.WriteLine($"Downloading {description} ({new Size(totalBytes)})...");
        var clock = Stopwatch.StartNew();
        long received = 0;
        int quarter = 0;
        download(bytes =>
        {
            received += bytes;
            if (totalBytes < MilestoneMinimum)
                return;
            int reached = (int)Math.Min(3, received * 4 / totalBytes);
            for (; quarter < reached; quarter++)
                log.WriteLine($"  {description}: {(quarter + 1) * 25}%");
        });
        log.WriteLine($"  {description}: {new Size(received)} in {clock.Elapsed.TotalSeconds:F1} s");
    }
}
