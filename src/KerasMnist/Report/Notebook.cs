using System.Reflection;
using System.Text.RegularExpressions;

namespace KerasMnist.Report;

/// <summary>
/// The tutorial notebook as the port follows it: its markdown (split at headings) and code cells, in order. The text
/// export (<c>notebook.txt</c>, embedded in the program) opens each code cell with <c>In [None]:</c> and does not
/// mark where the cell ends; <see cref="Parse"/> ends it where markdown starts (the rule is beside the regex below).
/// </summary>
public sealed partial class Notebook
{
    /// <summary>An item of the notebook: markdown or a code cell.</summary>
    public abstract record Item;

    /// <summary>
    /// Markdown: an optional heading (<paramref name="Level"/> 1 for <c>#</c>, 2 for <c>##</c>, ...; 0 and null
    /// without one) and the text up to the next heading or code cell.
    /// </summary>
    public sealed record Markdown(int Level, string? Heading, string Text) : Item;

    /// <summary>Code cell <paramref name="Number"/> (counted from 1 in notebook order) with its Python source.</summary>
    public sealed record Code(int Number, string Source) : Item;

    Notebook(IReadOnlyList<Item> items) => Items = items;

    /// <summary>The items in notebook order.</summary>
    public IReadOnlyList<Item> Items { get; }

    /// <summary>The code cells in notebook order.</summary>
    public IReadOnlyList<Code> CodeCells => Items.OfType<Code>().ToList();

    /// <summary>The tutorial's notebook, embedded in the program (Report/notebook.txt).</summary>
    public static Notebook Tutorial { get; } = Parse(EmbeddedText.Read("KerasMnist.Report.notebook.txt"));

    /// <summary>Parses the text export of a notebook.</summary>
    public static Notebook Parse(string text)
    {
        var parts = text.ReplaceLineEndings("\n").Split(CellStart);
        var items = new List<Item>();
        AddMarkdown(items, parts[0]);
        for (var i = 1; i < parts.Length; i++)
        {
            var end = MarkdownAfterCode().Match(parts[i]);
            var code = end.Success ? parts[i][..end.Index] : parts[i];
            items.Add(new Code(i, code.Trim('\n').TrimEnd()));
            if (end.Success) AddMarkdown(items, parts[i][(end.Index + 2)..]);
        }
        return new Notebook(items);
    }

    const string CellStart = "In [None]:";

    static void AddMarkdown(List<Item> items, string text)
    {
        int level = 0;
        string? heading = null;
        var body = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            if (HeadingLine().Match(line) is { Success: true } match)
            {
                Flush();
                (level, heading) = (match.Groups[1].Length, match.Groups[2].Value.Trim());
            }
            else body.Add(line);
        }
        Flush();

        void Flush()
        {
            var trimmed = string.Join("\n", body).Trim('\n').TrimEnd();
            if (heading is not null || trimmed.Length > 0) items.Add(new Markdown(level, heading, trimmed));
            (level, heading) = (0, null);
            body.Clear();
        }
    }

    [GeneratedRegex(@"^(#{1,6})[ \u00a0](.*)$")]
    private static partial Regex HeadingLine();

    // Markdown starts after a blank line with a capitalised sentence (the cells' code never starts a line with a
    // capital) or with a heading followed by a blank line or a sentence; a comment in the code after a blank line is
    // followed by more code or comments.
    [GeneratedRegex(@"\n\n(?:#+[ \u00a0][^\n]*\n(?:\n|[A-ZÄÖÜ])|[A-ZÄÖÜ])")]
    private static partial Regex MarkdownAfterCode();
}

/// <summary>Text files embedded in the program at build time (KerasMnist.csproj).</summary>
static class EmbeddedText
{
    /// <summary>The resource <paramref name="name"/> as text, or null when the program has none of that name.</summary>
    public static string? Find(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name);
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The resource <paramref name="name"/> as text.</summary>
    /// <exception cref="InvalidOperationException">The build did not embed it.</exception>
    public static string Read(string name) =>
        Find(name) ?? throw new InvalidOperationException($"The program was built without its resource '{name}' (see KerasMnist.csproj).");
}
