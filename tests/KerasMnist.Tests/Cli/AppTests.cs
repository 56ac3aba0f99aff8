using KerasMnist.Cli;
using KerasMnist.Tutorial;

namespace KerasMnist.Tests.Cli;

/// <summary>The program in-process, for everything that does not touch the engine's global state (seed, device).</summary>
public class AppTests
{
    /// <summary>The notebook's sections in order, with their titles as the notebook writes them.</summary>
    public static readonly (string Name, string Heading)[] NotebookStages =
    [
        ("colab", "Google Colab"),
        ("problem", "Problemstellung / Ziffernerkennung"),
        ("collect", "Datensammlung / MNIST"),
        ("explore", "Erste Datenanalyse"),
        ("prepare", "Datenvorbereitung"),
        ("build", "Bauen eines ersten Models / Modelerstellung"),
        ("train", "Modeltraining"),
        ("analyze", "Analyse der Ergebnisse"),
        ("improve", "Verbessern des Models"),
        ("applications", "Keras Modelle"),
    ];

    internal static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = App.Run(args, new Terminal(output, error));
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData]
    [InlineData("--help")]
    [InlineData("help")]
    public void TheUsageNamesEveryCommand(params string[] args)
    {
        var (code, output, error) = Run(args);
        Assert.Equal(0, code);
        Assert.Empty(error);
        foreach (var command in new[] { "list", "run [STAGE...] [options]", "help [COMMAND]", "--version" })
            Assert.Contains($"KerasMnist {command}", output);
    }

    [Fact]
    public void RunHelpListsEveryOptionAndEveryStage()
    {
        var (code, output, error) = Run("run", "--help");
        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.StartsWith("Usage: KerasMnist run [STAGE...] [options]", output);
        foreach (var option in RunOptionSpec.All) Assert.Contains($"  {option.Name} {option.ValueName}  ", output);
        foreach (var stage in StageRegistry.Create()) Assert.Contains(stage.Info.Name, output);
        Assert.Contains("KERASMNIST_DEBUG", output);
    }

    [Fact]
    public void ListHelpSaysWhatListShows()
    {
        var (code, output, _) = Run("list", "--help");
        Assert.Equal(0, code);
        Assert.StartsWith("Usage: KerasMnist list", output);
    }

    [Fact]
    public void ListShowsTheStagesInNotebookOrderWithTheirGermanTitlesAligned()
    {
        var (code, output, error) = Run("list");
        Assert.Equal(0, code);
        Assert.Empty(error);
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.StartsWith("stage", lines[0]);
        var rows = lines.Skip(2).TakeWhile(l => l.Length > 0).ToList();
        var stages = StageRegistry.Create();
        Assert.Equal(stages.Count, rows.Count);
        Assert.Equal(10, rows.Count);

        // The stages written so far are the notebook's first sections, in its order and with its titles.
        var titleColumn = lines[0].IndexOf("notebook section", StringComparison.Ordinal);
        var summaryColumn = lines[0].IndexOf("what it does", StringComparison.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var (name, heading) = NotebookStages[i];
            Assert.StartsWith(name + " ", rows[i]);
            Assert.Equal(heading, rows[i][titleColumn..summaryColumn].Trim());
            Assert.Equal(stages[i].Info.Summary, rows[i][summaryColumn..]);
        }
    }

    [Fact]
    public void VersionNamesTheProgramAndTheEngine()
    {
        var (code, output, _) = Run("--version");
        Assert.Equal(0, code);
        Assert.Matches(@"^KerasMnist \d+\.\d+\.\d+.*, TorchSharp \d+\.\d+\.\d+", output);
    }

    [Theory]
    [InlineData("run", "nosuchstage")]
    [InlineData("run", "colab", "--epochs", "0")]
    [InlineData("run", "--dataset", "foo")]
    [InlineData("run", "--frobnicate")]
    [InlineData("nosuchcommand")]
    [InlineData("list", "extra")]
    public void CommandLineMistakesExitWith2AndExplainOnStandardError(params string[] args)
    {
        var (code, output, error) = Run(args);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.StartsWith("error: ", error);
        Assert.Contains("--help' for usage.", error);
    }

    [Fact]
    public void AnUnknownStageErrorListsEveryValidStage()
    {
        var (code, _, error) = Run("run", "colab", "trian");
        Assert.Equal(2, code);
        Assert.Contains("unknown stage 'trian'", error);
        Assert.Contains(string.Join(", ", StageRegistry.Create().Select(s => s.Info.Name)), error);
    }

    [Fact]
    public void AnUnwritableOutputFolderFailsBeforeAnyStageRuns()
    {
        var file = Path.GetTempFileName();
        try
        {
            // A folder below a regular file can be created by nobody, root included.
            var (code, output, error) = Run("run", "colab", "--output", Path.Combine(file, "plots"));
            Assert.Equal(1, code);
            Assert.StartsWith($"error: the output folder '{Path.Combine(file, "plots")}' cannot be created or written", error);
            Assert.Contains("--output DIR", error);
            Assert.DoesNotContain("# Google Colab", output);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
