using KerasMnist.Tests.Cli;
using KerasMnist.Tutorial;

namespace KerasMnist.Tests.Tutorial;

public class StageRunnerTests
{
    /// <summary>A stage that records that it ran and can read or fail like a real one.</summary>
    sealed class FakeStage(string name, string[] needs, Action<Session>? body = null) : Stage
    {
        public override string Name => name;
        public override string Title => "Titel " + name;
        public override string Summary => "does " + name;
        public override IReadOnlyList<string> Needs => needs;
        protected override void Run()
        {
            Session.Terminal.WriteLine($"ran {name}");
            body?.Invoke(Session);
        }
    }

    // a <- b <- c, d needs a and c, e stands alone.
    static StageRunner Runner(Action<Session>? cBody = null) => new([
        new FakeStage("a", []),
        new FakeStage("b", ["a"]),
        new FakeStage("c", ["b"], cBody),
        new FakeStage("d", ["c", "a"]),
        new FakeStage("e", []),
    ]);

    static string Describe(IReadOnlyList<StageRunner.Step> plan) =>
        string.Join(" ", plan.Select(s => s.Note is null ? s.Stage.Name : $"[{s.Note}] {s.Stage.Name}"));

    [Fact]
    public void NoStagesMeansAllInNotebookOrderWithoutNotes()
    {
        Assert.Equal("a b c d e", Describe(Runner().Plan([], new Kernel())));
    }

    [Fact]
    public void AStageAloneGetsWhatItNeedsTransitivelyAndSaysSo()
    {
        Assert.Equal("[c needs a, b: running them first.] a b c", Describe(Runner().Plan(["c"], new Kernel())));
        Assert.Equal("[b needs a: running it first.] a b", Describe(Runner().Plan(["b"], new Kernel())));
    }

    [Fact]
    public void RequestedStagesRunInNotebookOrderOnceEachAndOnlyMissingNeedsAreAdded()
    {
        Assert.Equal("a [c needs b: running it first.] b c e", Describe(Runner().Plan(["e", "c", "a", "c"], new Kernel())));
        Assert.Equal("[d needs a, b, c: running them first.] a b c d", Describe(Runner().Plan(["d"], new Kernel())));
    }

    [Fact]
    public void StagesThatAlreadyRanOnTheKernelAreNotRunAgainAsNeeds()
    {
        var runner = Runner();
        using var kernel = new Kernel();
        StageRunner.Run(runner.Plan(["b"], kernel), new Session(new RunOptions(), new Terminal(TextWriter.Null, TextWriter.Null), kernel));
        Assert.Equal(["a", "b"], kernel.Executed);
        Assert.Equal("c", Describe(runner.Plan(["c"], kernel)));
    }

    [Fact]
    public void RunPrintsHeadingNoteOutputAndWallTimeInOrder()
    {
        var output = new StringWriter();
        using var kernel = new Kernel();
        var runner = Runner();
        StageRunner.Run(runner.Plan(["b"], kernel), new Session(new RunOptions(), new Terminal(output, TextWriter.Null), kernel));
        var lines = output.ToString().Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        Assert.Equal("b needs a: running it first.", lines[0]);
        Assert.Equal("# Titel a  (a)", lines[1]);
        Assert.Equal("ran a", lines[2]);
        Assert.Matches(@"^Wall time \(a\): \d+ ms$", lines[3]);
        Assert.Equal("# Titel b  (b)", lines[4]);
        Assert.Equal("ran b", lines[5]);
        Assert.Matches(@"^Done: 2 stages in ", lines[^1]);
    }

    [Fact]
    public void AFailingStageIsNamedAndKeepsTheLibrarysMessage()
    {
        var runner = Runner(cBody: s => _ = s.Kernel.ds_train);
        using var kernel = new Kernel();
        var e = Assert.Throws<StageFailedException>(() =>
            StageRunner.Run(runner.Plan(["c"], kernel), new Session(new RunOptions(), new Terminal(TextWriter.Null, TextWriter.Null), kernel)));
        Assert.Equal("c", e.Stage);
        Assert.IsType<NameError>(e.InnerException);
        Assert.Equal("c: name 'ds_train' is not defined: no stage that ran so far has set it.", e.Message);
        Assert.Equal(["a", "b"], kernel.Executed);
    }

    [Fact]
    public void AStageMayOnlyNeedStagesBeforeIt()
    {
        var later = Assert.Throws<InvalidOperationException>(() => new StageRunner([new FakeStage("b", ["a"]), new FakeStage("a", [])]));
        Assert.Contains("'b' needs 'a'", later.Message);
        var unknown = Assert.Throws<InvalidOperationException>(() => new StageRunner([new FakeStage("a", ["nope"])]));
        Assert.Contains("'a' needs 'nope'", unknown.Message);
    }

    [Fact]
    public void StageNamesMustBeUnique()
    {
        Assert.Throws<InvalidOperationException>(() => new StageRunner([new FakeStage("a", []), new FakeStage("a", [])]));
    }

    [Fact]
    public void TheRealRegistryIsConsistentAndFollowsTheNotebook()
    {
        var runner = new StageRunner(StageRegistry.Create());
        Assert.Equal(AppTests.NotebookStages.Take(runner.Stages.Count).Select(s => s.Name), runner.Names);
        Assert.Equal(AppTests.NotebookStages.Take(runner.Stages.Count).Select(s => s.Heading), runner.Stages.Select(s => s.Heading));
        Assert.Equal("[prepare needs collect: running it first.] collect prepare", Describe(runner.Plan(["prepare"], new Kernel())));
    }
}
