using KerasMnist.Keras.Callbacks;
using KerasMnist.Tests.Cli;
using KerasMnist.Tutorial;

namespace KerasMnist.Tests.Tutorial;

public class StageRunnerTests
{
    /// <summary>A stage that records that it ran, then does what the test gives it (read or set variables, fail).</summary>
    abstract class FakeStage(Action<FakeStage>? body = null) : Stage
    {
        protected override void Run()
        {
            Session.Terminal.WriteLine($"ran {Info.Name}");
            body?.Invoke(this);
        }

        public object ReadTrain() => ds_train;
        public History History { get => history; set => history = value; }
    }

    // a <- b <- c, d needs a and c, e stands alone.
    [Stage("a", "Titel a", "does a")] sealed class A(Action<FakeStage>? body = null) : FakeStage(body);
    [Stage("b", "Titel b", "does b", Needs = [typeof(A)])] sealed class B : FakeStage;
    [Stage("c", "Titel c", "does c", Needs = [typeof(B)])] sealed class C(Action<FakeStage>? body = null) : FakeStage(body);
    [Stage("d", "Titel d", "does d", Subtitle = "Unterkapitel", Needs = [typeof(C), typeof(A)])] sealed class D : FakeStage;
    [Stage("e", "Titel e", "does e")] sealed class E : FakeStage;

    // Wrong declarations, for the start-up checks.
    [Stage("a", "Noch ein a", "duplicate name")] sealed class AlsoA : FakeStage;
    [Stage("late", "Spät", "needs a stage that comes after it", Needs = [typeof(E)])] sealed class Late : FakeStage;
    sealed class Unregistered : FakeStage;
    [Stage("dangling", "Lose", "needs a class that is no registered stage", Needs = [typeof(Unregistered)])] sealed class Dangling : FakeStage;

    static StageRunner Runner(Action<FakeStage>? aBody = null, Action<FakeStage>? cBody = null) =>
        new([new A(aBody), new B(), new C(cBody), new D(), new E()]);

    static Session Session(Kernel kernel, TextWriter? output = null) =>
        new(TestRunOptions.Default, new Terminal(output ?? TextWriter.Null, TextWriter.Null), kernel);

    static string Describe(IReadOnlyList<StageRunner.Step> plan) =>
        string.Join(" ", plan.Select(s => s.Note is null ? s.Stage.Info.Name : $"[{s.Note}] {s.Stage.Info.Name}"));

    [Fact]
    public void NoStagesMeansAllInNotebookOrderWithoutNotes()
    {
        Assert.Equal("a b c d e", Describe(Runner().Plan([], new Kernel())));
    }

    [Fact]
    public void AStageAloneGetsWhatItNeedsTransitivelyAndSaysSo()
    {
        Assert.Equal("[c braucht a, b: laufen zuerst.] a b c", Describe(Runner().Plan(["c"], new Kernel())));
        Assert.Equal("[b braucht a: läuft zuerst.] a b", Describe(Runner().Plan(["b"], new Kernel())));
    }

    [Fact]
    public void RequestedStagesRunInNotebookOrderOnceEachAndOnlyMissingNeedsAreAdded()
    {
        Assert.Equal("a [c braucht b: läuft zuerst.] b c e", Describe(Runner().Plan(["e", "c", "a", "c"], new Kernel())));
        Assert.Equal("[d braucht a, b, c: laufen zuerst.] a b c d", Describe(Runner().Plan(["d"], new Kernel())));
    }

    [Fact]
    public void StagesGivenOutOfOrderRunInNotebookOrderWithTheirNeedsBeforeThem()
    {
        // `run improve build` must not run build before collect and prepare: here e stands for build and d for
        // improve, whose needs come before e in notebook order.
        Assert.Equal("[d braucht a, b, c: laufen zuerst.] a b c d e", Describe(Runner().Plan(["e", "d"], new Kernel())));
        Assert.Equal("a [d braucht b, c: laufen zuerst.] b c d", Describe(Runner().Plan(["d", "a"], new Kernel())));
    }

    [Fact]
    public void TheRealImproveAndBuildRunInNotebookOrder()
    {
        var runner = new StageRunner(StageRegistry.Create());
        Assert.Equal("[improve braucht collect, prepare: laufen zuerst.] collect prepare build improve",
            Describe(runner.Plan(["improve", "build"], new Kernel())));
    }

    [Fact]
    public void StagesThatAlreadyRanOnTheKernelAreNotRunAgainAsNeeds()
    {
        var runner = Runner();
        using var kernel = new Kernel();
        StageRunner.Run(runner.Plan(["b"], kernel), Session(kernel));
        Assert.Equal(["a", "b"], kernel.Executed);
        Assert.Equal("c", Describe(runner.Plan(["c"], kernel)));
    }

    [Fact]
    public void AVariableOneStageSetsIsWhatALaterStageReads()
    {
        var history = new History();
        object? read = null;
        using var kernel = new Kernel();
        StageRunner.Run(Runner(aBody: a => a.History = history, cBody: c => read = c.History).Plan(["c"], kernel), Session(kernel));
        Assert.Same(history, read);
        Assert.Same(history, kernel.Get<History>("history"));
    }

    [Fact]
    public void RunPrintsHeadingNoteOutputAndWallTimeInOrder()
    {
        var output = new StringWriter();
        using var kernel = new Kernel();
        StageRunner.Run(Runner().Plan(["b"], kernel), Session(kernel, output));
        var lines = output.ToString().Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        Assert.Equal("b braucht a: läuft zuerst.", lines[0]);
        Assert.Equal("# Titel a  (a)", lines[1]);
        Assert.Equal("ran a", lines[2]);
        Assert.Matches(@"^Laufzeit \(a\): \d", lines[3]);
        Assert.Equal("# Titel b  (b)", lines[4]);
        Assert.Equal("ran b", lines[5]);
        Assert.Matches(@"^Fertig: 2 Abschnitte in ", lines[^1]);
    }

    [Fact]
    public void AFailingStageIsNamedAndKeepsTheLibrarysMessage()
    {
        var runner = Runner(cBody: c => c.ReadTrain());
        using var kernel = new Kernel();
        var e = Assert.Throws<StageFailedException>(() => StageRunner.Run(runner.Plan(["c"], kernel), Session(kernel)));
        Assert.Equal("c", e.Stage);
        Assert.IsType<NameError>(e.InnerException);
        Assert.Equal("c: name 'ds_train' is not defined: no stage that ran so far has set it.", e.Message);
        Assert.Equal(["a", "b"], kernel.Executed);
    }

    [Fact]
    public void AStageMayOnlyNeedRegisteredStagesBeforeIt()
    {
        var later = Assert.Throws<InvalidOperationException>(() => new StageRunner([new Late(), new E()]));
        Assert.Contains("'late' needs 'e' (E)", later.Message);
        var unknown = Assert.Throws<InvalidOperationException>(() => new StageRunner([new A(), new Dangling()]));
        Assert.Contains("'dangling' needs 'Unregistered' (Unregistered)", unknown.Message);
    }

    [Fact]
    public void AStageWithoutMetadataFailsWhenItIsCreated()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new Unregistered());
        Assert.Contains("Unregistered has no [Stage(name, title, summary)] attribute", e.Message);
    }

    [Fact]
    public void StageNamesMustBeUnique()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new StageRunner([new A(), new AlsoA()]));
        Assert.Contains("Two stages are named 'a'", e.Message);
    }

    [Fact]
    public void TheHeadingJoinsTitleAndSubtitle()
    {
        Assert.Equal("Titel d / Unterkapitel", new D().Info.Heading);
        Assert.Equal("Titel e", new E().Info.Heading);
    }

    [Fact]
    public void TheRealRegistryIsConsistentAndFollowsTheNotebook()
    {
        var runner = new StageRunner(StageRegistry.Create());
        Assert.Equal(AppTests.NotebookStages.Take(runner.Stages.Count).Select(s => s.Name), runner.Names);
        Assert.Equal(AppTests.NotebookStages.Take(runner.Stages.Count).Select(s => s.Heading), runner.Stages.Select(s => s.Info.Heading));
        Assert.Equal("[prepare braucht collect: läuft zuerst.] collect prepare", Describe(runner.Plan(["prepare"], new Kernel())));
    }
}
