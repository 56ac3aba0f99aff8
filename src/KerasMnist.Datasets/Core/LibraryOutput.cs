using System.Diagnostics;

namespace KerasMnist.Datasets.Core;

/// <summary>
/// The one writer all library code writes through: tfds's download progress, notes and warnings here, and, in the
/// Keras library above, <c>keras.utils.io_utils.print_msg</c> (progress bars, <c>summary()</c>, warnings). The
/// libraries never touch <see cref="Console"/>; the program decides where their text goes and how a download's
/// progress is drawn, by subclassing this and installing it with <see cref="Use"/>.
/// </summary>
/// <remarks>
/// It lives in the lowest assembly so that both libraries share it. Until a program installs one, library text goes
/// nowhere (<see cref="Silent"/>), as .NET libraries log to a null logger by default. The installed output flows with
/// the async context (an <see cref="AsyncLocal{T}"/>), so tests running in parallel each capture their own text,
/// and background work started inside a <see cref="Use"/> scope (prefetch threads) writes to the same place.
/// </remarks>
/// <param name="writer">Where text goes, line by line (a progress bar may also rewrite its line with <c>\r</c>).</param>
/// <param name="interactive">Whether <paramref name="writer"/> is a terminal a person watches: progress bars then
/// redraw in place; otherwise they write only their final line (logs, files, tests).</param>
public class LibraryOutput(TextWriter writer, bool interactive = false)
{
    // A redirected log gets a line per quarter for files of at least this size, nothing in between.
    private const long MilestoneMinimum = 1 << 20;

    private static readonly AsyncLocal<LibraryOutput?> Installed = new();

    // Keys of warnings already shown; prefetch threads may load data too.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> shown = new();

    /// <summary>The output used when nothing is installed: it discards everything.</summary>
    public static LibraryOutput Silent { get; } = new(TextWriter.Null);

    /// <summary>The output library code writes to now: the innermost <see cref="Use"/> scope's, else <see cref="Silent"/>.</summary>
    public static LibraryOutput Current => Installed.Value ?? Silent;

    /// <summary>
    /// Sends library text to <paramref name="output"/> until the returned scope is disposed (for this async flow and
    /// the work it starts); the previous output is restored then.
    /// </summary>
    public static IDisposable Use(LibraryOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var previous = Installed.Value;
        Installed.Value = output;
        return new Scope(previous);
    }

    /// <summary>Where text goes.</summary>
    public TextWriter Writer { get; } = writer ?? throw new ArgumentNullException(nameof(writer));

    /// <summary>Whether <see cref="Writer"/> is a terminal a person watches (progress redraws in place).</summary>
    public bool Interactive { get; } = interactive;

    /// <summary>Writes one line (a note or a warning).</summary>
    public void WriteLine(string message) => Writer.WriteLine(message);

    /// <summary>
    /// True the first time <paramref name="key"/> is asked for on this output, false afterwards: a warning shown
    /// through it once stays shown once however often its cause is met, as Python's <c>warnings</c> module shows a
    /// warning once per place. A program installs one output per process, so that is once per process.
    /// </summary>
    /// <param name="key">What the warning is about, e.g. the dataset, folder and file.</param>
    public bool FirstTime(string key) => shown.TryAdd(key, 0);

    /// <summary>
    /// Shows the progress of one download (tfds shows a tqdm bar) while <paramref name="download"/> runs; it reports
    /// every chunk it receives through the callback it is given. Exceptions from <paramref name="download"/> propagate.
    /// This default writes a few plain lines: one when the download starts, one per quarter for files of 1 MiB or
    /// more, one when it ends. A program overrides it to draw a live bar.
    /// </summary>
    /// <param name="description">What is downloaded, e.g. the file name and the mirror.</param>
    /// <param name="totalBytes">The expected size in bytes.</param>
    /// <param name="download">The work; calls its argument with the byte count of every chunk.</param>
    public virtual void Track(string description, long totalBytes, Action<Action<long>> download)
    {
        ArgumentNullException.ThrowIfNull(download);
        Writer.WriteLine($"Downloading {description} ({new Size(totalBytes)})...");
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
                Writer.WriteLine($"  {description}: {(quarter + 1) * 25}%");
        });
        Writer.WriteLine($"  {description}: {new Size(received)} in {clock.Elapsed.TotalSeconds:F1} s");
    }

    private sealed class Scope(LibraryOutput? previous) : IDisposable
    {
        private bool disposed;

        public void Dispose()
        {
            if (disposed)
                return;
            disposed = true;
            Installed.Value = previous;
        }
    }
}
