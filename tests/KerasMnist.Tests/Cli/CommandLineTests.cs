using KerasMnist.Cli;

namespace KerasMnist.Tests.Cli;

public class CommandLineTests
{
    static readonly string[] Stages = ["colab", "problem", "collect", "explore", "prepare"];

    static Invocation Parse(params string[] args) => CommandLine.Parse(args, Stages);

    static UsageException Fails(params string[] args) => Assert.Throws<UsageException>(() => Parse(args));

    [Fact]
    public void NoArgumentsAndTopLevelHelpAskForTheUsage()
    {
        foreach (var args in new[] { Array.Empty<string>(), ["--help"], ["-h"], ["help"] })
        {
            var invocation = Parse(args);
            Assert.True(invocation.Help);
            Assert.Null(invocation.Command);
        }
    }

    [Theory]
    [InlineData("list", "--help")]
    [InlineData("list", "-h")]
    [InlineData("run", "--help")]
    [InlineData("run", "collect", "--epochs", "0", "--help")]
    [InlineData("help", "run")]
    [InlineData("help", "list")]
    public void EveryCommandHasHelpAndHelpWinsOverOtherArguments(params string[] args)
    {
        var invocation = Parse(args);
        Assert.True(invocation.Help);
        Assert.Equal(args[0] == "help" ? args[1] : args[0], invocation.Command);
    }

    [Fact]
    public void RunWithoutStagesKeepsTheDefaults()
    {
        var invocation = Parse("run");
        Assert.Equal("run", invocation.Command);
        Assert.Empty(invocation.Stages);
        Assert.Equal(new KerasMnist.Tutorial.RunOptions(), invocation.Options);
        Assert.Equal("output", invocation.Options.Output);
        Assert.Equal(42, invocation.Options.Seed);
        Assert.Null(invocation.Options.Epochs);
        Assert.Null(invocation.Options.Limit);
        Assert.Null(invocation.Options.DataDir);
    }

    [Fact]
    public void RunTakesStagesAndEveryOptionInBothSpellings()
    {
        var invocation = Parse("run", "explore", "--data-dir", "data", "--output=out dir", "--dataset", "fashion_mnist",
            "collect", "--seed=7", "--epochs", "3", "--limit", "2000", "--device=cpu");
        Assert.Equal(["explore", "collect"], invocation.Stages);
        var o = invocation.Options;
        Assert.Equal(("data", "out dir", "fashion_mnist", 7, 3, 2000, "cpu"), (o.DataDir, o.Output, o.Dataset, o.Seed, o.Epochs, o.Limit, o.Device));
    }

    [Fact]
    public void AnUnknownStageIsRejectedListingTheValidOnes()
    {
        var e = Fails("run", "collect", "trian");
        Assert.Contains("'trian'", e.Message);
        foreach (var stage in Stages) Assert.Contains(stage, e.Message);
        Assert.Equal("run", e.Command);
    }

    [Fact]
    public void AnUnknownOptionIsRejectedListingTheValidOnes()
    {
        var e = Fails("run", "--epoch", "3");
        Assert.Contains("'--epoch'", e.Message);
        foreach (var option in RunOptionSpec.All) Assert.Contains(option.Name, e.Message);
        Assert.Contains("--help", e.Message);
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
        // The next option is not taken as the value of the previous one.
        Assert.Contains("--output DIR", Fails("run", "--output", "--seed", "1").Message);
    }

    [Fact]
    public void UnknownCommandsAndMisplacedOptionsPointToTheRightSpelling()
    {
        Assert.Contains("list, run, help", Fails("train").Message);
        Assert.Contains("KerasMnist run collect", Fails("collect").Message);
        Assert.Contains("after the command", Fails("--epochs", "3", "run").Message);
        Assert.Contains("--help, --version", Fails("--bogus").Message);
        Assert.Equal("list", Fails("list", "colab").Command);
    }
}
