using KerasMnist.Tests.Fixtures;

namespace KerasMnist.Tests.Cli;

/// <summary>The maintainers' <c>side-by-side</c> command: its help, and writing the guide anywhere with <c>--notes</c>.</summary>
public sealed class SideBySideCommandTests
{
    [Fact]
    public void HelpDescribesTheCommandAndItsNotesOption()
    {
        var (code, stdout, _) = AppTests.Run("side-by-side", "--help");
        Assert.Equal(0, code);
        Assert.Contains("side-by-side <GUIDE> [options]", stdout);
        Assert.Contains("--notes <FILE>", stdout);
    }

    [Fact]
    public void AGuideWrittenElsewhereWithTheCheckoutsNotesIsTheCommittedGuide()
    {
        using var folder = new TempFolder();
        var guide = folder.Combine("guide.md");
        var notes = Path.Combine(Checkout.Root, "docs", "side-by-side-notes.md");

        var (code, stdout, stderr) = AppTests.Run("side-by-side", guide, "--notes", notes);

        Assert.True(code == 0, stderr);
        Assert.Contains($"-> {guide}", stdout);
        Assert.Equal(File.ReadAllText(Path.Combine(Checkout.Root, "docs", "side-by-side.md")), File.ReadAllText(guide));
    }

    [Fact]
    public void WithoutNotesBesideTheGuideItSaysHowToNameThem()
    {
        using var folder = new TempFolder();
        var (code, _, stderr) = AppTests.Run("side-by-side", folder.Combine("guide.md"));
        Assert.NotEqual(0, code);
        Assert.Contains("--notes docs/side-by-side-notes.md", stderr);
        Assert.False(File.Exists(folder.Combine("guide.md")));
    }
}
