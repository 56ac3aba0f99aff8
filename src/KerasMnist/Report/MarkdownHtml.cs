using System.Text;
using System.Text.RegularExpressions;

namespace KerasMnist.Report;

/// <summary>
/// The notebook's markdown as HTML, for the parts it uses: paragraphs, nested <c>-</c> lists, <c>`code`</c>, links
/// and bare URLs, <c>$…$</c> and <c>$$…$$</c> formulas (TeX's few macros the notebook uses, as Unicode), and images.
/// The report opens offline, so an image on the web becomes a link to it instead of a picture that cannot load.
/// </summary>
public static partial class MarkdownHtml
{
    /// <summary><paramref name="markdown"/> as HTML block elements.</summary>
    public static string Render(string markdown)
    {
        var html = new StringBuilder();
        var paragraph = new List<string>();
        var list = new List<(int Indent, string Text)>();
        foreach (var line in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            if (ListItem().Match(line) is { Success: true } item)
            {
                Paragraph();
                list.Add((item.Groups[1].Length, item.Groups[2].Value));
            }
            else if (line.Trim().Length == 0)
            {
                Paragraph();
                List();
            }
            else if (DisplayMath().Match(line) is { Success: true } math)
            {
                Paragraph();
                List();
                html.Append("<div class=\"math\">").Append(Tex(math.Groups[1].Value)).Append("</div>\n");
            }
            else
            {
                List();
                paragraph.Add(line.Trim());
            }
        }
        Paragraph();
        List();
        return html.ToString();

        void Paragraph()
        {
            if (paragraph.Count == 0) return;
            html.Append("<p>").Append(Inline(string.Join(" ", paragraph))).Append("</p>\n");
            paragraph.Clear();
        }

        void List()
        {
            if (list.Count == 0) return;
            AppendList(html, list, 0, list.Count);
            list.Clear();
        }
    }

    // Items [from, to) of one level: deeper items after an item are its sub-list.
    static void AppendList(StringBuilder html, List<(int Indent, string Text)> items, int from, int to)
    {
        html.Append("<ul>");
        var indent = items[from].Indent;
        for (var i = from; i < to;)
        {
            var next = i + 1;
            while (next < to && items[next].Indent > indent) next++;
            html.Append("<li>").Append(Inline(items[i].Text));
            if (next > i + 1) AppendList(html, items, i + 1, next);
            html.Append("</li>");
            i = next;
        }
        html.Append("</ul>\n");
    }

    /// <summary>Inline markdown of one paragraph or list item: code, formulas, images, links, URLs.</summary>
    public static string Inline(string text)
    {
        var html = new StringBuilder();
        var last = 0;
        foreach (Match m in InlineToken().Matches(text))
        {
            html.Append(Plain(text[last..m.Index]));
            if (m.Groups["code"].Success)
                html.Append("<code>").Append(Html.Encode(m.Groups["code"].Value)).Append("</code>");
            else if (m.Groups["math"].Success)
                html.Append("<span class=\"math\">").Append(Tex(m.Groups["math"].Value)).Append("</span>");
            else if (m.Groups["image"].Success)
                html.Append(Link(m.Groups["image"].Value, "Bild (online): " + m.Groups["image"].Value, "image-link"));
            else if (m.Groups["url"].Success)
                html.Append(Link(m.Groups["url"].Value, m.Groups["label"].Value, null));
            else
                html.Append(Link(m.Groups["bare"].Value, m.Groups["bare"].Value, null));
            last = m.Index + m.Length;
        }
        return html.Append(Plain(text[last..])).ToString();
    }

    static string Plain(string text) => Html.Encode(text);

    static string Link(string url, string label, string? cls) =>
        $"<a href=\"{Html.Encode(url)}\"{(cls is null ? "" : $" class=\"{cls}\"")}>{Html.Encode(label)}</a>";

    /// <summary>
    /// A TeX formula for reading, not typesetting: the macros the notebook uses become Unicode (Σ, ŷ, ⇒, π, …),
    /// <c>\frac{a}{b}</c> becomes a/b, sub- and superscripts become &lt;sub&gt; and &lt;sup&gt;.
    /// </summary>
    public static string Tex(string tex)
    {
        var text = tex.Trim();
        foreach (var (macro, unicode) in TexMacros) text = text.Replace(macro, unicode, StringComparison.Ordinal);
        // Innermost fractions first, so a fraction inside a fraction reads right.
        for (var before = ""; before != text;)
            (before, text) = (text, Fraction().Replace(text, m => $"{Operand(m.Groups[1].Value)}/{Operand(m.Groups[2].Value)} "));
        text = Spaces().Replace(text.Replace("\\", "", StringComparison.Ordinal), " ").Trim();
        var html = Html.Encode(text);
        html = Script().Replace(html, m => $"<{(m.Groups[1].Value == "_" ? "sub" : "sup")}>{(m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value)}</{(m.Groups[1].Value == "_" ? "sub" : "sup")}>");
        return html.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal);
    }

    // A numerator or denominator with an operator in it needs parentheses once it is written on one line.
    static string Operand(string s)
    {
        s = s.Trim();
        return s.IndexOfAny([' ', '+', '-', '=', '/', '·', 'Σ']) < 0 || s.StartsWith('(') && s.EndsWith(')') ? s : $"({s})";
    }

    static readonly (string Macro, string Unicode)[] TexMacros =
    [
        (@"\hat{y}", "ŷ"), (@"\arg \max", "argmax"), (@"\arg\max", "argmax"), (@"\sum", "Σ"), (@"\mid", " | "),
        (@"\Rightarrow", "⇒"), (@"\pi", "π"), (@"\dots", "…"), (@"\cdot", "·"), (@"\{", "{"), (@"\}", "}"),
    ];

    [GeneratedRegex(@"^(\s*)[-*] (.*)$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^\s*\$\$(.+)\$\$\s*$")]
    private static partial Regex DisplayMath();

    [GeneratedRegex(@"`(?<code>[^`]+)`|\$(?<math>[^$]+)\$|!\[[^\]]*\]\((?<image>[^)\s]+)\)|\[(?<label>[^\]]+)\]\((?<url>[^)\s]+)\)|(?<bare>https?://[^\s)]+[^\s).,:;])")]
    private static partial Regex InlineToken();

    // One level of braces inside each part: \frac{exp(h_i)}{\sum_{j=1}^{k}exp(h_j)}.
    [GeneratedRegex(@"\\frac\{((?:[^{}]|\{[^{}]*\})*)\}\{((?:[^{}]|\{[^{}]*\})*)\}")]
    private static partial Regex Fraction();

    [GeneratedRegex(@" {2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"([_^])(?:\{([^{}]*)\}|(\w))")]
    private static partial Regex Script();
}
