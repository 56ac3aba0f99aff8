using System.Text;

namespace KerasMnist.Report;

/// <summary>Text into HTML for the report, which is UTF-8: only the characters HTML gives a meaning are escaped, so umlauts and Σ stay readable in the file.</summary>
static class Html
{
    /// <summary><paramref name="text"/> with &amp;, &lt;, &gt;, &quot; and &#39; escaped, for element content and attribute values.</summary>
    public static string Encode(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0) return text;
        var html = new StringBuilder(text.Length + 16);
        foreach (var c in text)
            html.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        return html.ToString();
    }
}
