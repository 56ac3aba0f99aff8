using System.Text.RegularExpressions;

namespace KerasMnist.Tutorial;

/// <summary>
/// The rule that marks each notebook code cell's C# in the stage files, so that the report of a run and
/// docs/side-by-side.md can put every Python cell beside its port. This is the one place the rule is written:
/// <list type="bullet">
/// <item><c>In(n);</c> alone on a line (indentation aside) opens cell n; <c>End(n);</c> alone on a line closes it.
/// n is the cell's position among the notebook's code cells (<c>In [None]:</c>), counted from 1 in notebook order.
/// The markers are statements the stage executes (Stage.Cells.cs), so a run also knows which cell printed what.</item>
/// <item>The cell's C# is exactly the lines between the two markers, with their common indentation removed
/// (preprocessor lines such as <c>#pragma</c> aside, which C# writes at column 0).
/// Code around the markers (markdown, notes the notebook does not have) belongs to no cell.</item>
/// <item>Cells do not nest or overlap, and none is empty. Every notebook code cell is marked exactly once across
/// the stage files, and reading the stages' files in notebook order gives the cells in ascending order.</item>
/// </list>
/// A stage's file is <c>src/KerasMnist/Tutorial/Stages/&lt;StageClass&gt;.cs</c>. The tests check all of this
/// against the notebook (tests/KerasMnist.Tests/Tutorial/CellMarkersTests.cs).
/// </summary>
public static partial class CellMarkers
{
    /// <summary>One marked cell: its notebook number, its C# (de-indented, lines joined with <c>\n</c>), and the 1-based line of its opening marker.</summary>
    public sealed record Cell(int Number, string Code, int Line);

    /// <summary>The cells marked in <paramref name="source"/> (a stage file's text), in the order they appear.</summary>
    /// <exception cref="FormatException">The markers break the rule (unclosed, nested, mismatched, empty); the message gives the line.</exception>
    public static IReadOnlyList<Cell> Extract(string source)
    {
        var lines = source.ReplaceLineEndings("\n").Split('\n');
        var cells = new List<Cell>();
        (int Number, int Line)? open = null;
        for (var i = 0; i < lines.Length; i++)
        {
            if (Opening().Match(lines[i]) is { Success: true } start)
            {
                if (open is { } outer)
                    throw new FormatException($"line {i + 1}: In [{start.Groups[1].Value}] opens inside In [{outer.Number}] (line {outer.Line}); close that one first with 'End({outer.Number});'.");
                open = (int.Parse(start.Groups[1].Value), i + 1);
            }
            else if (Closing().Match(lines[i]) is { Success: true } end)
            {
                var number = int.Parse(end.Groups[1].Value);
                if (open is not { } cell || cell.Number != number)
                    throw new FormatException($"line {i + 1}: 'End({number});' closes no open In [{number}].");
                var body = lines[cell.Line..i];
                if (body.All(string.IsNullOrWhiteSpace))
                    throw new FormatException($"line {cell.Line}: In [{number}] marks no code.");
                cells.Add(new Cell(number, Dedent(body), cell.Line));
                open = null;
            }
            else if (Loose().IsMatch(lines[i]))
            {
                throw new FormatException($"line {i + 1}: a cell marker must stand alone on its line, as 'In(n);' or 'End(n);'.");
            }
        }
        if (open is { } unclosed)
            throw new FormatException($"line {unclosed.Line}: In [{unclosed.Number}] is never closed with 'End({unclosed.Number});'.");
        return cells;
    }

    // Preprocessor lines (#pragma) sit at column 0 whatever the code's indentation: they do not count, and lose theirs.
    static string Dedent(string[] body)
    {
        static bool Directive(string line) => line.TrimStart().StartsWith('#');
        var code = body.Where(l => l.Trim().Length > 0 && !Directive(l)).ToList();
        var indent = code.Count == 0 ? 0 : code.Min(l => l.Length - l.TrimStart().Length);
        return string.Join("\n", body.Select(l => Directive(l) || l.Length < indent ? l.Trim() : l[indent..].TrimEnd()));
    }

    [GeneratedRegex(@"^\s*In\((\d+)\);\s*$")]
    private static partial Regex Opening();

    [GeneratedRegex(@"^\s*End\((\d+)\);\s*$")]
    private static partial Regex Closing();

    // A marker sharing its line with other code (or a comment) would blur where the cell starts or ends.
    [GeneratedRegex(@"\b(?:In|End)\(\d+\)")]
    private static partial Regex Loose();
}
