namespace KerasMnist.Tutorial;

/// <summary>
/// Receives what a <see cref="Terminal"/> shows, by kind, as it shows it (plain text, never escape codes), so a run
/// can be recorded for its report without changing what the console prints. Library text (progress bars, summaries,
/// warnings) arrives line by line as <see cref="Text"/>, a progress bar's final state only. Calls may come from
/// background threads (prefetch) as well as the stages' thread.
/// </summary>
public interface ITerminalTap
{
    /// <summary>Printed text (Python's <c>print</c>, library output); may hold several lines.</summary>
    void Text(string text);

    /// <summary>A remark of the program itself (an estimate, a hint).</summary>
    void Note(string text);

    /// <summary>A stage's own markdown text.</summary>
    void Markdown(string text);

    /// <summary>A subsection heading printed by a stage.</summary>
    void Subheading(string title);

    /// <summary>A table; <paramref name="headers"/> is empty for key/value rows.</summary>
    void Table(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows);

    /// <summary>A file written to the output folder (a plot where the notebook shows one inline).</summary>
    void File(string path);
}
