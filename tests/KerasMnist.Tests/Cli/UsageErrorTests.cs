using System.CommandLine.Help;
using KerasMnist.Cli;
using KerasMnist.Tutorial;

namespace KerasMnist.Tests.Cli;

/// <summary>What a wrong command line is told: the mistake, the valid choices, and whose help to read.</summary>
public class UsageErrorTests
{
    static readonly ProgramCommand Program = new(new StageRunner(StageRegistry.Create()), new Terminal(TextWriter.Null, TextWriter.Null));
    static readonly IReadOnlyList<string> Stages = StageRegistry.Create().Select(s => s.Info.Name).ToList();

    static UsageError Fails(params string[] args)
    {
        var error = UsageError.Find(Program.Parse(args));
        Assert.True(error is not null, $"'{string.Join(" ", args)}' was accepted");
        return error!;
    }

    [Theory]
    [InlineData("run")]
    [InlineData("run", "collect", "explore", "--epochs", "2", "--limit=2000", "--seed:7")]
    [InlineData("list")]
    [InlineData("help", "run")]
    [InlineData]
    public void ACorrectCommandLineHasNoError(params string[] args)
    {
        Assert.Null(UsageError.Find(Program.Parse(args)));
    }

    [Fact]
    public void AMissingArgumentIsNamedWithTheCommandsUsage()
    {
        using var folder = new KerasMnist.Tests.Fixtures.TempFolder();
        var model = folder.Combine("m.keras");
        File.WriteAllText(model, "");

        var noImage = Fails("predict", model);
        Assert.Equal("'predict' needs IMAGE. Usage: KerasMnist predict MODEL IMAGE... [options].", noImage.Message);
        Assert.Equal("predict", noImage.Command?.Name);
        Assert.Equal("'evaluate' needs MODEL. Usage: KerasMnist evaluate MODEL [options].", Fails("evaluate").Message);
    }

    [Fact]
    public void AnUnknownStageIsRejectedListingTheValidOnes()
    {
        var e = Fails("run", "collect", "trian");
        Assert.Contains("'trian'", e.Message);
        foreach (var stage in Stages) Assert.Contains(stage, e.Message);
        Assert.Equal("run", e.Command?.Name);
    }

    [Theory]
    [InlineData("--epoch")]
    [InlineData("-x")]
    [InlineData("--frobnicate=3")]
    public void AnUnknownOptionIsRejectedListingTheValidOnes(string option)
    {
        var e = Fails("run", "collect", option, "3");
        Assert.Contains($"'{option.Split('=')[0]}'", e.Message);
        foreach (var valid in Program.Subcommands.OfType<RunCommand>().Single().Options.Where(o => o is not HelpOption))
            Assert.Contains(valid.Name, e.Message);
        Assert.Contains("--help", e.Message);
        Assert.Equal("run", e.Command?.Name);
    }

    [Theory]
    [InlineData("--epochs", "0")]
    [InlineData("--epochs", "-2")]
    [InlineData("--epochs", "ten")]
    [InlineData("--epochs", "1.5")]
    [InlineData("--limit", "0")]
    [InlineData("--seed", "-1")]
    [InlineData("--seed", "99999999999")]
    [InlineData("--output", " ")]
    public void BadNumbersAndEmptyFoldersAreRejectedSayingWhatIsAllowed(string option, string value)
    {
        var e = Fails("run", option, value);
        Assert.Contains(option, e.Message);
        Assert.Contains($"'{value}'", e.Message);
    }

    [Theory]
    [InlineData("--dataset", "foo", "mnist, fashion_mnist")]
    [InlineData("--device", "tpu", "cpu, cuda")]
    public void BadChoicesAreRejectedListingTheValidOnes(string option, string value, string valid)
    {
        var e = Fails("run", option, value);
        Assert.Contains(valid, e.Message);
        Assert.Contains($"'{value}'", e.Message);
    }

    [Fact]
    public void AnOptionWithoutItsValueSaysWhatToGive()
    {
        Assert.Contains("--epochs N", Fails("run", "--epochs").Message);
        Assert.Contains("--epochs N", Fails("run", "--epochs=").Message);
        // The next option is not taken as the value of the previous one.
        Assert.Contains("--output DIR", Fails("run", "--output", "--seed", "1").Message);
    }

    [Fact]
    public void ADataFolderMustExistAndBeAFolder()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"kerasmnist-no-such-folder-{Guid.NewGuid():N}");
        Assert.StartsWith($"--data-dir '{missing}' does not exist.", Fails("run", "--data-dir", missing).Message);
        var file = Path.GetTempFileName();
        try
        {
            Assert.StartsWith($"--data-dir '{file}' is a file, not a folder", Fails("run", "--data-dir", file).Message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void UnknownCommandsAndMisplacedOptionsPointToTheRightSpelling()
    {
        Assert.Contains("list, run, evaluate, predict, help", Fails("train").Message);
        Assert.Null(Fails("train").Command);
        Assert.Contains("KerasMnist run collect", Fails("collect").Message);
        Assert.DoesNotContain("To run that", Fails("nosuchcommand").Message);
        var misplaced = Fails("--epochs", "3", "run");
        Assert.Contains("after the command", misplaced.Message);
        Assert.Equal("run", misplaced.Command?.Name);
        var unknown = Fails("--bogus").Message;
        Assert.Contains("--help", unknown);
        Assert.Contains("--version", unknown);
        Assert.Equal("list", Fails("list", "colab").Command?.Name);
        Assert.Contains("'list' takes no arguments (got 'colab')", Fails("list", "colab").Message);
        Assert.Contains("'help' takes one command, list, run, evaluate, predict or side-by-side (got 'foo')", Fails("help", "foo").Message);
    }

    [Fact]
    public void ResponseFilesAreNotExpanded()
    {
        // "@name" is a (wrong) stage name, not a file to read arguments from.
        Assert.Contains("unknown stage '@stages.txt'", Fails("run", "@stages.txt").Message);
    }
}
