namespace KerasMnist.Tutorial;

// What a cell prints: Python's print, the notebook's markdown and headings, and tables, all through the
// run's Terminal (plain text when redirected, drawn on a terminal).
public abstract partial class Stage
{
    /// <summary>Python's <c>print</c>: the value's text on its own line (an empty line without one).</summary>
    protected void print(object? value = null) => Session.Terminal.WriteLine(value?.ToString() ?? "");

    /// <summary>A markdown cell of the notebook, in the stage's own short words.</summary>
    protected void Markdown(string text) => Session.Terminal.Markdown(text);

    /// <summary>A <c>## Subsection</c> heading inside the stage.</summary>
    protected void Subheading(string title) => Session.Terminal.Subheading(title);

    /// <summary>An aligned table; <paramref name="headers"/> may be empty for key/value rows.</summary>
    protected void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows) =>
        Session.Terminal.Table(headers, rows);
}
