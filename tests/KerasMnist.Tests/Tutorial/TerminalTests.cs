using KerasMnist.Tutorial;

namespace KerasMnist.Tests.Tutorial;

public class TerminalTests
{
    [Fact]
    public void RedirectedTablesArePlainAlignedColumnsWithoutTrailingBlanks()
    {
        var output = new StringWriter();
        new Terminal(output, TextWriter.Null).Table(["stage", "title"], [["colab", "Google Colab"], ["explore", "Erste Datenanalyse"]]);
        Assert.Equal(
            """
            stage    title
            -------  ------------------
            colab    Google Colab
            explore  Erste Datenanalyse

            """.ReplaceLineEndings(), output.ToString());
    }

    [Fact]
    public void RedirectedHeadingsAreMarkdownAndBlankLinesDoNotPileUp()
    {
        var output = new StringWriter();
        var terminal = new Terminal(output, TextWriter.Null);
        terminal.WriteLine("text");
        terminal.BlankLine();
        terminal.BlankLine();
        terminal.Heading("Datensammlung / MNIST", "collect");
        terminal.Subheading("MNIST");
        Assert.Equal("text\n\n# Datensammlung / MNIST  (collect)\n\n## MNIST\n\n".ReplaceLineEndings(), output.ToString());
        Assert.DoesNotContain("\u001b", output.ToString());
    }

    [Fact]
    public void InteractiveOutputDrawsTheSameTableContent()
    {
        var output = new StringWriter();
        var terminal = new Terminal(output, TextWriter.Null, interactive: true);
        terminal.Table(["stage", "title"], [["colab", "Google Colab"]]);
        Assert.True(terminal.Interactive);
        Assert.Contains("Google Colab", output.ToString());
        // Drawn with borders by Spectre.Console, not the plain dashes line.
        Assert.DoesNotContain("-----  ---", output.ToString());
    }
}
