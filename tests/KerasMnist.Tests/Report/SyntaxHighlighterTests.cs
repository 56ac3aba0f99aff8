using KerasMnist.Report;

namespace KerasMnist.Tests.Report;

public sealed class SyntaxHighlighterTests
{
    [Fact]
    public void CSharpStringsKeepTheirHolesAndNestedStringsInOneSpan()
    {
        var html = SyntaxHighlighter.CSharp("""print($"{string.Join(", ", names)} ok"); // Ende""");
        Assert.Equal(
            """print(<span class="str">$&quot;{string.Join(&quot;, &quot;, names)} ok&quot;</span>); <span class="com">// Ende</span>""",
            html);
    }

    [Fact]
    public void CSharpKeywordsRawStringsCharsAndDirectivesAreMarked()
    {
        var html = SyntaxHighlighter.CSharp("var x = \"\"\"\n  a \"b\"\n  \"\"\";\n#pragma warning disable X\nif (c == 'a') return 1.5f;");
        Assert.Contains("<span class=\"kw\">var</span>", html);
        Assert.Contains("<span class=\"str\">&quot;&quot;&quot;\n  a &quot;b&quot;\n  &quot;&quot;&quot;</span>", html);
        Assert.Contains("<span class=\"pre\">#pragma warning disable X</span>", html);
        Assert.Contains("<span class=\"str\">&#39;a&#39;</span>", html);
        Assert.Contains("<span class=\"num\">1.5f</span>", html);
    }

    [Fact]
    public void PythonCommentsStringsMagicsAndKeywords()
    {
        var html = SyntaxHighlighter.Python("%matplotlib inline\nimport numpy as np # n < 3\ndef f():\n  \"\"\"Doc 'x'.\"\"\"\n  return f'{a}', \"b\"");
        Assert.StartsWith("<span class=\"pre\">%matplotlib inline</span>", html);
        Assert.Contains("<span class=\"kw\">import</span> numpy <span class=\"kw\">as</span> np <span class=\"com\"># n &lt; 3</span>", html);
        Assert.Contains("<span class=\"str\">&quot;&quot;&quot;Doc &#39;x&#39;.&quot;&quot;&quot;</span>", html);
        Assert.Contains("<span class=\"str\">f&#39;{a}&#39;</span>, <span class=\"str\">&quot;b&quot;</span>", html);
        // An identifier that starts like a string prefix is no string.
        Assert.Contains("format", SyntaxHighlighter.Python("format(x)"));
        Assert.DoesNotContain("span", SyntaxHighlighter.Python("format(x)"));
    }
}
