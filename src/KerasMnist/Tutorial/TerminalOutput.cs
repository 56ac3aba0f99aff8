using KerasMnist.Datasets.Core;
using Spectre.Console;

namespace KerasMnist.Tutorial;

/// <summary>
/// The libraries' text on the program's <see cref="Terminal"/>: Keras's progress bars, <c>Epoch i/N</c>, summaries and
/// warnings, tfds's notes and warnings go to standard output in the order they happen; a download shows a live
/// Spectre.Console bar (size, speed, time left) on an interactive terminal and a few plain lines otherwise.
/// </summary>
public sealed class TerminalOutput(Terminal terminal) : LibraryOutput(terminal.LibraryWriter, terminal.Interactive)
{
    /// <inheritdoc/>
    public override void Track(string description, long totalBytes, Action<Action<long>> download)
    {
        if (!Interactive)
        {
            base.Track(description, totalBytes, download);
            return;
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(terminal.Out),
            Ansi = AnsiSupport.Detect,
            Interactive = InteractionSupport.Yes,
        });
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                     new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(description), maxValue: Math.Max(1, totalBytes));
                download(bytes => task.Increment(bytes));
            });
    }
}
