using System.CommandLine.Help;
using System.Text.RegularExpressions;
using KerasMnist.Cli;
using KerasMnist.Tutorial;

namespace KerasMnist.Tests.Cli;

/// <summary>The program in-process, for everything that does not touch the engine's global state (seed, device).</summary>
public class AppTests
{
    /// <summary>The notebook's sections in order, with their titles as the notebook writes them, then the stage beyond it.</summary>
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
        ("cheque", "Ziffern auf einem Scheck lesen"),
    ];

    internal static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = App.Run(args, new Terminal(output, error));
        return (code, output.ToString(), error.ToString());
    }

    internal static RunCommand RunCommand() =>
        new ProgramCommand(new StageRunner(StageRegistry.Create()), new Terminal(TextWriter.Null, TextWriter.Null)).Subcommands.OfType<RunCommand>().Single();

    static string Usage(string command) => $"Usage:{Environment.NewLine}  KerasMnist {command}";

    [Theory]
    [InlineData]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public void TheUsageNamesEveryCommand(params string[] args)
    {
        var (code, output, error) = Run(args);
        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains(Usage("[command] [options]"), output);
        var commands = output[output.IndexOf("Commands:", StringComparison.Ordinal)..];
        foreach (var command in new[] { "list", "run <STAGE>", "evaluate <MODEL>", "predict <MODEL> <IMAGE>", "help <COMMAND>" })
            Assert.Matches($@"(?m)^  {Regex.Escape(command)}  ", commands);
        Assert.Matches(@"(?m)^  --version  ", output);
        Assert.Contains("Exit codes: 0 done, 1 run failed", output);
    }

    [Theory]
    [InlineData("list", "--help")]
    [InlineData("list", "-h")]
    [InlineData("run", "--help")]
    [InlineData("run", "collect", "--epochs", "0", "--help")]
    [InlineData("help", "run")]
    [InlineData("help", "list")]
    [InlineData("evaluate", "--help")]
    [InlineData("predict", "--help")]
    public void EveryCommandHasHelpAndHelpWinsOverOtherArguments(params string[] args)
    {
        var (code, output, error) = Run(args);
        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains(Usage(args[0] == "help" ? args[1] : args[0]), output);
    }

    [Fact]
    public void RunHelpListsEveryOptionEveryStageAndTheNotebooksEpochs()
    {
        var (code, output, error) = Run("run", "--help");
        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains(Usage("run [<STAGE>...] [options]"), output);
        foreach (var option in RunCommand().Options.Where(o => o is not HelpOption))
            Assert.Matches($@"(?m)^  {option.Name} <{Regex.Escape(option.HelpName!)}> +\S", output);
        foreach (var stage in StageRegistry.Create()) Assert.Contains(stage.Info.Name, output);
        Assert.Contains("15 for train, 10 for improve, 10 for applications", Regex.Replace(output, @"\s+", " "));
        Assert.Contains("[default: 42]", output);
        Assert.Contains("KERASMNIST_DEBUG", output);
        // Wrapped for a terminal or a log, not one endless line per option.
        Assert.All(output.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 100, line));
    }

    [Fact]
    public void ListHelpSaysWhatListShows()
    {
        var (code, output, _) = Run("list", "--help");
        Assert.Equal(0, code);
        Assert.Contains(Usage("list"), output);
        Assert.Contains("section title", Regex.Replace(output, @"\s+", " "));
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
        Assert.Equal(11, rows.Count);

        // The stages written so far are the notebook's first sections, in its order and with its titles.
        var titleColumn = lines[0].IndexOf("notebook section", StringComparison.Ordinal);
        var summaryColumn = lines[0].IndexOf("what it does", StringComparison.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var (name, heading) = NotebookStages[i];
            Assert.StartsWith(name + " ", rows[i]);
            Assert.Equal(heading, rows[i][titleColumn..summaryColumn].Trim());
            Assert.StartsWith(stages[i].Info.Summary, rows[i][summaryColumn..]);
        }
        // A training stage says how many epochs the notebook trains it for.
        Assert.EndsWith("; 15 epochs", rows[6]);
        Assert.DoesNotContain("epochs", rows[5]);
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
    [InlineData("--epochs", "3", "run")]
    [InlineData("run", "--epochs")]
    [InlineData("help", "foo")]
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
    public void ADataFolderThatDoesNotExistIsAUsageErrorNotADownload()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"kerasmnist-no-such-folder-{Guid.NewGuid():N}");
        var (code, output, error) = Run("run", "collect", "--data-dir", missing);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.StartsWith($"error: --data-dir '{missing}' does not exist.", error);
        Assert.Contains("KERASMNIST_DATA_DIR", error);
    }

    [Fact]
    public void AnOutputFolderThatIsAFileSaysSo()
    {
        var file = Path.GetTempFileName();
        try
        {
            var (code, output, error) = Run("run", "colab", "--output", file);
            Assert.Equal(1, code);
            Assert.StartsWith($"error: the output folder '{file}' is a file, not a folder.", error);
            Assert.Contains("--output DIR", error);
            Assert.DoesNotContain("# Google Colab", output);
            Assert.True(File.Exists(file));
        }
        finally
        {
            File.Delete(file);
        }
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
