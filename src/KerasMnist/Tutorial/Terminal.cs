using System.Text;
using Spectre.Console;

namespace KerasMnist.Tutorial;

/// <summary>
/// Where the program's text goes. On an interactive terminal headings and tables are drawn with
/// Spectre.Console; when the output is redirected (CI logs, files, tests) everything is plain text
/// without escape codes, so logs stay readable and greppable. A <see cref="Tap"/> receives the same output by kind
/// (text, tables, files) for the report of the run.
/// </summary>
public sealed class Terminal
{
    readonly IAnsiConsole? rich;

    /// <summary>Writes to <paramref name="output"/> and <paramref name="error"/>; plain text unless <paramref name="interactive"/>.</summary>
    public Terminal(TextWriter output, TextWriter error, bool interactive = false)
    {
        Out = output;
        Error = error;
        LibraryWriter = new TappedWriter(output, () => Tap);
        if (interactive)
            rich = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(output),
                Ansi = AnsiSupport.Detect,
                Interactive = InteractionSupport.Yes,
            });
    }

    /// <summary>The process's console: rich when stdout is a terminal, plain when it is redirected.</summary>
    public static Terminal FromConsole()
    {
        // Without a UTF-8 locale .NET would print '?' for the formulas' Σ, ŷ and the umlauts.
        Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var interactive = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("TERM") is not (null or "" or "dumb");
        return new Terminal(Console.Out, Console.Error, interactive);
    }

    /// <summary>Standard output.</summary>
    public TextWriter Out { get; }

    /// <summary>Standard error: errors only.</summary>
    public TextWriter Error { get; }

    /// <summary>Where the libraries' text goes (<see cref="TerminalOutput"/>): standard output, each line also to the <see cref="Tap"/>.</summary>
    public TextWriter LibraryWriter { get; }

    /// <summary>True when headings and tables are drawn for a terminal.</summary>
    public bool Interactive => rich is not null;

    /// <summary>Receives what is shown, by kind, while set (the run's recorder); null: nobody listens.</summary>
    public ITerminalTap? Tap { get; set; }

    bool atBlankLine = true;

    /// <summary>One line of text, written as is.</summary>
    public void WriteLine(string text = "")
    {
        Emit(text);
        Tap?.Text(text);
    }

    /// <summary>An empty line, unless the last line written was already empty: blocks stay one line apart.</summary>
    public void BlankLine()
    {
        if (!atBlankLine) Emit("");
    }

    /// <summary>A markdown text of a stage, one blank line before and after it.</summary>
    public void Markdown(string text)
    {
        BlankLine();
        Emit(text);
        Emit("");
        Tap?.Markdown(text);
    }

    /// <summary>Says where a file for the output folder was written (where the notebook would show it inline): <c>-&gt; path</c>.</summary>
    public void Saved(string path)
    {
        Emit($"-> {path}");
        Tap?.File(path);
    }

    // Writes without telling the tap: headings and spacing are the terminal's layout, not the run's output.
    void Emit(string text)
    {
        Out.WriteLine(text);
        atBlankLine = text.Length == 0 || text.EndsWith('\n');
    }

    /// <summary>A section heading (the notebook's <c># Title</c>), with a tag such as the stage's command-line name.</summary>
    public void Heading(string title, string tag)
    {
        BlankLine();
        if (rich is null) Emit($"# {title}  ({tag})");
        else rich.Write(new Rule($"[bold]{Markup.Escape(title)}[/] [grey]({Markup.Escape(tag)})[/]") { Justification = Justify.Left });
        Emit("");
    }

    /// <summary>A subsection heading (the notebook's <c>## Title</c>).</summary>
    public void Subheading(string title)
    {
        BlankLine();
        if (rich is null) Emit($"## {title}");
        else rich.MarkupLine($"[bold underline]{Markup.Escape(title)}[/]");
        Emit("");
        Tap?.Subheading(title);
    }

    /// <summary>A remark of the program itself (not of the notebook): what runs first, how long a stage took.</summary>
    public void Note(string text)
    {
        if (rich is null) Emit(text);
        else rich.MarkupLine($"[grey]{Markup.Escape(text)}[/]");
        atBlankLine = false;
        Tap?.Note(text);
    }

    /// <summary>An aligned table; <paramref name="headers"/> may be empty for a key/value table.</summary>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var body = rows.ToList();
        Tap?.Table(headers, body);
        if (rich is not null)
        {
            rich.Write(RichTable(headers, body));
            atBlankLine = false;
            return;
        }
        var all = headers.Count > 0 ? body.Prepend(headers).ToList() : body;
        var columns = all.Max(r => r.Count);
        var widths = Enumerable.Range(0, columns).Select(c => all.Max(r => c < r.Count ? r[c].Length : 0)).ToArray();
        foreach (var row in all)
        {
            Emit(FormatRow(row, widths));
            if (headers.Count > 0 && ReferenceEquals(row, headers))
                Emit(FormatRow(widths.Select(w => new string('-', w)).ToList(), widths));
        }
    }

    /// <summary><c>error: message</c> on standard error.</summary>
    public void Fail(string message) => Error.WriteLine($"error: {message}");

    static string FormatRow(IReadOnlyList<string> row, int[] widths)
    {
        // Two spaces between columns; the last column is not padded, so lines carry no trailing blanks.
        var cells = row.Select((cell, c) => c == row.Count - 1 ? cell : cell.PadRight(widths[c]));
        return string.Join("  ", cells);
    }

    static Table RichTable(IReadOnlyList<string> headers, List<IReadOnlyList<string>> rows)
    {
        var table = new Table { Border = TableBorder.Rounded };
        var columns = Math.Max(headers.Count, rows.Count == 0 ? 0 : rows.Max(r => r.Count));
        for (var c = 0; c < columns; c++)
            table.AddColumn(new TableColumn(new Text(c < headers.Count ? headers[c] : "")));
        if (headers.Count == 0) table.HideHeaders();
        foreach (var row in rows)
            table.AddRow(row.Select(cell => (Spectre.Console.Rendering.IRenderable)new Text(cell)).ToArray());
        return table;
    }
}
