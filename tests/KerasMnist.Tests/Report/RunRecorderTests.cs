using KerasMnist.Datasets.Core;
using KerasMnist.Keras.Utils;
using KerasMnist.Report;
using KerasMnist.Tests.Tutorial;
using KerasMnist.Tutorial;

namespace KerasMnist.Tests.Report;

/// <summary>The recorder files what a run shows under its stage and notebook cell, and the console output stays as it was.</summary>
public sealed class RunRecorderTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("kerasmnist-recorder-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Stage("first", "Erster Abschnitt", "prints in and around two cells")]
    sealed class First(string plot) : Stage
    {
        protected override void Run()
        {
            Markdown("Ein Text des Programms.");
            print("before any cell");
            In(1);
            print("one");
            print("two");
            Table(["a", "b"], [["1", "2"]]);
            // Library text (a progress bar redrawn in place, then its final line) goes through the library writer.
            io_utils.print_msg("\r1/2 [==>...]", line_break: false);
            io_utils.print_msg("\r2/2 [=====] - loss: 0.5", line_break: true);
            LibraryOutput.Current.WriteLine("Epoch 1/1");
            End(1);
            print("between the cells");
            In(2);
            File.WriteAllBytes(plot, [0x89, (byte)'P', (byte)'N', (byte)'G']);
            Saved(plot);
            Session.Terminal.Note("Geschätzte Dauer: kurz");
            End(2);
        }
    }

    [Stage("second", "Zweiter Abschnitt", "fails inside its cell")]
    sealed class Second : Stage
    {
        protected override void Run()
        {
            In(3);
            print("started");
            throw new InvalidOperationException("kaputt");
        }
    }

    [Stage("nested", "Verschachtelt", "opens a cell inside another")]
    sealed class Nested : Stage
    {
        protected override void Run()
        {
            In(1);
            In(2);
        }
    }

    (string Out, RunRecorder Recorder) Record(params Stage[] stages)
    {
        var output = new StringWriter();
        var terminal = new Terminal(output, TextWriter.Null);
        var recorder = new RunRecorder(new RunRecord
        {
            Options = TestRunOptions.Default, Requested = [], Started = DateTimeOffset.Now,
            Environment = new RunEnvironment("cpu", 2, "0.107.0", "2.10.0", "Test CPU", 2, "Linux", ".NET 10"),
        });
        terminal.Tap = recorder;
        using (LibraryOutput.Use(new TerminalOutput(terminal)))
        {
            try { StageRunner.Run([.. stages.Select(s => new StageRunner.Step(s, null))], new Session(TestRunOptions.Default, terminal, new Kernel(), recorder)); }
            catch (StageFailedException) { }
        }
        return (output.ToString(), recorder);
    }

    [Fact]
    public void OutputIsFiledUnderItsCellOrAfterTheCellBeforeIt()
    {
        var plot = Path.Combine(folder, "plot.png");
        var stage = Assert.Single(Record(new First(plot)).Recorder.Record.Stages);

        Assert.Equal("first", stage.Name);
        Assert.NotNull(stage.WallTime);
        Assert.Null(stage.Error);
        var blocks = stage.Output;
        Assert.Collection(blocks,
            b => Assert.Equal((TextKind.Markdown, new OutputPlace(null, null), "Ein Text des Programms."), Text(b)),
            b => Assert.Equal((TextKind.Printed, new OutputPlace(null, null), "before any cell"), Text(b)),
            b => Assert.Equal((TextKind.Printed, new OutputPlace(1, null), "one\ntwo"), Text(b)),
            b =>
            {
                var table = Assert.IsType<TableBlock>(b);
                Assert.Equal(["a", "b"], table.Headers);
                Assert.Equal(["1", "2"], Assert.Single(table.Rows));
            },
            // The redrawn bar arrives once, in its final state; the library's lines follow it in order.
            b => Assert.Equal((TextKind.Printed, new OutputPlace(1, null), "2/2 [=====] - loss: 0.5\nEpoch 1/1"), Text(b)),
            b => Assert.Equal((TextKind.Printed, new OutputPlace(null, 1), "between the cells"), Text(b)),
            b =>
            {
                var file = Assert.IsType<FileBlock>(b);
                Assert.Equal((new OutputPlace(2, 1), plot), (file.Place, file.Path));
                Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], file.Png);
            },
            b => Assert.Equal((TextKind.Note, new OutputPlace(2, 1), "Geschätzte Dauer: kurz"), Text(b)));
    }

    [Fact]
    public void RecordingLeavesTheConsoleOutputAsItWas()
    {
        var plot = Path.Combine(folder, "plot.png");
        var recorded = Record(new First(plot)).Out;

        var output = new StringWriter();
        var terminal = new Terminal(output, TextWriter.Null);
        using (LibraryOutput.Use(new TerminalOutput(terminal)))
            StageRunner.Run([new StageRunner.Step(new First(plot), null)], new Session(TestRunOptions.Default, terminal, new Kernel()));

        Assert.Equal(WithoutWallTimes(output.ToString()), WithoutWallTimes(recorded));
        Assert.Contains("\r2/2 [=====] - loss: 0.5", recorded);
    }

    [Fact]
    public void AFailedStageKeepsItsOutputAndError()
    {
        var record = Record(new Second()).Recorder.Record;

        var stage = Assert.Single(record.Stages);
        Assert.Same(stage, record.Failed);
        Assert.Equal("kaputt", stage.Error);
        Assert.NotNull(stage.WallTime);
        Assert.Collection(stage.Output,
            b => Assert.Equal((TextKind.Printed, new OutputPlace(3, null), "started"), Text(b)),
            // The error stands where the stage stopped: in the open cell.
            b => Assert.Equal(new ErrorBlock(new OutputPlace(3, null), "kaputt"), b));
    }

    [Fact]
    public void ACellOpenedInsideAnotherStopsTheStage()
    {
        var stage = Assert.Single(Record(new Nested()).Recorder.Record.Stages);
        Assert.StartsWith("In(2); runs while In [1] is open", stage.Error);
    }

    [Fact]
    public void ACarriageReturnStartsTheLineOverButWindowsLineEndsKeepIt()
    {
        var lines = new List<string>();
        var terminal = new Terminal(TextWriter.Null, TextWriter.Null) { Tap = new Lines(lines) };
        terminal.LibraryWriter.Write("\rab");
        terminal.LibraryWriter.Write("\rabc\r\n");
        terminal.LibraryWriter.Write("next\n");
        Assert.Equal(["abc", "next"], lines);
    }

    static (TextKind, OutputPlace, string) Text(OutputBlock block)
    {
        var text = Assert.IsType<TextBlock>(block);
        return (text.Kind, text.Place, string.Join("\n", text.Lines));
    }

    static string WithoutWallTimes(string output) =>
        string.Join("\n", output.Split('\n').Where(l => !l.StartsWith("Laufzeit", StringComparison.Ordinal) && !l.StartsWith("Fertig:", StringComparison.Ordinal)));

    sealed class Lines(List<string> lines) : ITerminalTap
    {
        public void Text(string text) => lines.Add(text);
        public void Note(string text) { }
        public void Markdown(string text) { }
        public void Subheading(string title) { }
        public void Table(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows) { }
        public void File(string path) { }
    }
}
