using System.Text;

namespace KerasMnist.Report;

/// <summary>
/// Colours Python and C# for the report: keywords, strings, comments, numbers, and Jupyter's <c>%magic</c> and
/// <c>!shell</c> lines (C#'s <c>#pragma</c> lines alike). A scanner of our own, enough for the notebook's and the
/// stages' code; it returns HTML (spans with the classes <c>kw</c>, <c>str</c>, <c>com</c>, <c>num</c>, <c>pre</c>)
/// for a <c>&lt;pre&gt;</c>, everything else escaped.
/// </summary>
public static class SyntaxHighlighter
{
    /// <summary><paramref name="code"/> (Python) as highlighted HTML.</summary>
    public static string Python(string code) => Highlight(code, csharp: false);

    /// <summary><paramref name="code"/> (C#) as highlighted HTML.</summary>
    public static string CSharp(string code) => Highlight(code, csharp: true);

    static readonly HashSet<string> PythonKeywords =
    [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
        "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ];

    static readonly HashSet<string> CSharpKeywords =
    [
        "abstract", "as", "async", "await", "base", "bool", "break", "byte", "case", "catch", "char", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "false", "finally",
        "float", "for", "foreach", "if", "in", "int", "interface", "internal", "is", "lock", "long", "nameof", "namespace",
        "new", "null", "object", "out", "override", "params", "private", "protected", "public", "readonly", "record",
        "ref", "return", "sealed", "short", "static", "string", "struct", "switch", "this", "throw", "true", "try",
        "typeof", "uint", "ulong", "using", "var", "virtual", "void", "when", "while", "yield",
    ];

    static string Highlight(string code, bool csharp)
    {
        var html = new StringBuilder();
        var i = 0;
        while (i < code.Length)
        {
            var start = i;
            string? kind = null;
            var c = code[i];
            if (csharp ? code.AsSpan(i).StartsWith("//") : c == '#')
                (i, kind) = (LineEnd(code, i), "com");
            else if (csharp && code.AsSpan(i).StartsWith("/*"))
                (i, kind) = (code.IndexOf("*/", i + 2, StringComparison.Ordinal) is var e and >= 0 ? e + 2 : code.Length, "com");
            else if ((csharp ? c == '#' : c is '%' or '!') && AtLineStart(code, i))
                (i, kind) = (LineEnd(code, i), "pre");
            else if ((csharp ? CSharpString(code, i) : PythonString(code, i)) is > 0 and var length)
                (i, kind) = (i + length, "str");
            else if (char.IsDigit(c))
                (i, kind) = (NumberEnd(code, i), "num");
            else if (char.IsLetter(c) || c == '_')
            {
                while (i < code.Length && (char.IsLetterOrDigit(code[i]) || code[i] == '_')) i++;
                if ((csharp ? CSharpKeywords : PythonKeywords).Contains(code[start..i])) kind = "kw";
            }
            else i++;
            Append(html, code[start..i], kind);
        }
        return html.ToString();
    }

    static void Append(StringBuilder html, string text, string? kind)
    {
        var escaped = Html.Encode(text);
        if (kind is null) html.Append(escaped);
        else html.Append("<span class=\"").Append(kind).Append("\">").Append(escaped).Append("</span>");
    }

    static int LineEnd(string code, int i) => code.IndexOf('\n', i) is var e and >= 0 ? e : code.Length;

    static bool AtLineStart(string code, int i)
    {
        for (var k = i - 1; k >= 0 && code[k] != '\n'; k--)
            if (!char.IsWhiteSpace(code[k])) return false;
        return true;
    }

    static int NumberEnd(string code, int i)
    {
        while (i < code.Length && (char.IsLetterOrDigit(code[i]) || code[i] == '_' ||
               code[i] == '.' && i + 1 < code.Length && char.IsDigit(code[i + 1]))) i++;
        return i;
    }

    // The length of a Python string literal at i (prefixes r, b, f, u; triple quotes), or 0.
    static int PythonString(string code, int i)
    {
        var j = i;
        while (j < code.Length && j - i < 2 && "rRbBfFuU".Contains(code[j])) j++;
        if (j >= code.Length || code[j] is not ('\'' or '"')) return 0;
        var quote = code[j];
        var triple = new string(quote, 3);
        if (code.AsSpan(j).StartsWith(triple))
            return code.IndexOf(triple, j + 3, StringComparison.Ordinal) is var end and >= 0 ? end + 3 - i : code.Length - i;
        for (var k = j + 1; k < code.Length; k++)
        {
            if (code[k] == '\\') k++;
            else if (code[k] == quote || code[k] == '\n') return k + 1 - i;
        }
        return code.Length - i;
    }

    // The length of a C# string or char literal at i: "...", @"...", $"...{holes}...", raw """...""", '.'; or 0.
    static int CSharpString(string code, int i)
    {
        if (code[i] == '\'')
        {
            for (var k = i + 1; k < code.Length && k < i + 10; k++)
            {
                if (code[k] == '\\') k++;
                else if (code[k] == '\'') return k + 1 - i;
            }
            return 0;
        }
        var j = i;
        var (dollars, verbatim) = (0, false);
        for (; j < code.Length && code[j] is '$' or '@'; j++)
            if (code[j] == '$') dollars++; else verbatim = true;
        if (j >= code.Length || code[j] != '"') return 0;
        var quotes = 0;
        while (j + quotes < code.Length && code[j + quotes] == '"') quotes++;
        if (quotes >= 3)
        {
            var close = new string('"', quotes);
            return code.IndexOf(close, j + quotes, StringComparison.Ordinal) is var end and >= 0 ? end + quotes - i : code.Length - i;
        }
        for (var k = j + 1; k < code.Length; k++)
        {
            var c = code[k];
            if (c == '"' && verbatim && k + 1 < code.Length && code[k + 1] == '"') k++;
            else if (c == '"' || c == '\n' && !verbatim) return k + 1 - i;
            else if (c == '\\' && !verbatim) k++;
            else if (c == '{' && dollars > 0)
            {
                if (k + 1 < code.Length && code[k + 1] == '{') { k++; continue; }
                k = HoleEnd(code, k);
            }
        }
        return code.Length - i;
    }

    // The index of the '}' closing an interpolation hole opened at i, skipping strings and nested braces inside it.
    static int HoleEnd(string code, int i)
    {
        var depth = 0;
        for (var k = i; k < code.Length; k++)
        {
            if (code[k] is '"' or '\'' or '$' or '@' && CSharpString(code, k) is > 0 and var length) k += length - 1;
            else if (code[k] == '{') depth++;
            else if (code[k] == '}' && --depth == 0) return k;
        }
        return code.Length - 1;
    }
}
