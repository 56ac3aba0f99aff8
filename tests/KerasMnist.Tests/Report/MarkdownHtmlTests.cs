using KerasMnist.Report;

namespace KerasMnist.Tests.Report;

public sealed class MarkdownHtmlTests
{
    [Fact]
    public void NestedListsParagraphsAndCode()
    {
        var html = MarkdownHtml.Render("Frage:\nweiter\n\n- a\n  - b `x<y`\n- c\n\nEnde");
        Assert.Equal("<p>Frage: weiter</p>\n<ul><li>a<ul><li>b <code>x&lt;y</code></li></ul>\n</li><li>c</li></ul>\n<p>Ende</p>\n", html);
    }

    [Fact]
    public void ImagesOnTheWebBecomeLinksBecauseTheReportOpensOffline()
    {
        var html = MarkdownHtml.Render("![](https://example.org/a.png)\n\nSiehe https://example.org/x.");
        Assert.DoesNotContain("<img", html);
        Assert.Contains("<a href=\"https://example.org/a.png\" class=\"image-link\">Bild (online): https://example.org/a.png</a>", html);
        Assert.Contains("<a href=\"https://example.org/x\">https://example.org/x</a>.", html);
    }

    [Fact]
    public void FormulasReadAsUnicode()
    {
        Assert.Equal("acc = 1/n Σ<sub>i=1</sub><sup>n</sup> [(argmax<sub>ŷ</sub>p(ŷ | x)) == y]",
            MarkdownHtml.Tex(@"acc = \frac{1}{n}\sum_{i=1}^{n} [(\arg \max_{\hat{y}}p(\hat{y}\mid x)) == y]"));
        Assert.Equal("p(ŷ=i) = softmax(h)<sub>i</sub> = exp(h<sub>i</sub>)/(Σ<sub>j=1</sub><sup>k</sup>exp(h<sub>j</sub>))",
            MarkdownHtml.Tex(@"p(\hat{y}=i) = softmax(h)_i = \frac{exp(h_i)}{\sum_{j=1}^{k}exp(h_j)}"));
        Assert.Contains("<div class=\"math\">", MarkdownHtml.Render("$$p(y) = \\pi_1$$"));
    }
}
