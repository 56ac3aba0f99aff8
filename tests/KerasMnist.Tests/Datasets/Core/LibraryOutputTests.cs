using KerasMnist.Datasets.Core;

namespace KerasMnist.Tests.Datasets.Core;

/// <summary>
/// The one writer of the libraries: silent until a program installs one, scoped to the async flow that installs it
/// (so tests in parallel each capture their own text), and reaching work started inside the scope.
/// </summary>
public class LibraryOutputTests
{
    [Fact]
    public void Nothing_is_written_anywhere_until_an_output_is_installed_and_a_scope_restores_the_previous_one()
    {
        Assert.Same(LibraryOutput.Silent, LibraryOutput.Current);
        var outer = new StringWriter();
        var inner = new StringWriter();
        using (LibraryOutput.Use(new LibraryOutput(outer)))
        {
            LibraryOutput.Current.WriteLine("one");
            using (LibraryOutput.Use(new LibraryOutput(inner)))
                LibraryOutput.Current.WriteLine("two");
            LibraryOutput.Current.WriteLine("three");
        }
        Assert.Same(LibraryOutput.Silent, LibraryOutput.Current);
        Assert.Equal(["one", "three"], Lines(outer));
        Assert.Equal(["two"], Lines(inner));
    }

    [Fact]
    public async Task Flows_running_at_the_same_time_each_write_to_their_own_output()
    {
        using var bothInstalled = new Barrier(2);
        var flows = new[] { "a", "b" }.Select(name => Task.Run(() =>
        {
            var captured = new StringWriter();
            using (LibraryOutput.Use(new LibraryOutput(captured)))
            {
                // Both outputs are installed before either writes, so the two flows really overlap.
                Assert.True(bothInstalled.SignalAndWait(TimeSpan.FromMinutes(1)), "the other flow never started");
                for (int i = 0; i < 50; i++) LibraryOutput.Current.WriteLine($"{name} {i}");
            }
            return (name, lines: Lines(captured));
        })).ToArray();

        foreach (var (name, lines) in await Task.WhenAll(flows))
            Assert.Equal(Enumerable.Range(0, 50).Select(i => $"{name} {i}"), lines);
    }

    [Fact]
    public async Task Background_work_started_inside_a_scope_writes_to_its_output()
    {
        // Prefetch threads run tf.data pipelines while fit prints: they must write where fit writes.
        var captured = new StringWriter();
        using (LibraryOutput.Use(new LibraryOutput(captured)))
        {
            var thread = new Thread(() => LibraryOutput.Current.WriteLine("from a thread"));
            thread.Start();
            thread.Join();
            await Task.Run(() => LibraryOutput.Current.WriteLine("from a task"));
        }
        Assert.Equal(["from a thread", "from a task"], Lines(captured));
    }

    [Fact]
    public void Plain_download_progress_writes_a_line_per_quarter_for_large_files_only()
    {
        var captured = new StringWriter();
        var output = new LibraryOutput(captured);
        output.Track("big.gz", 4 << 20, advance => { for (int i = 0; i < 8; i++) advance(512 << 10); });
        output.Track("small.gz", 1000, advance => advance(1000));

        var lines = Lines(captured);
        Assert.Equal("Downloading big.gz (4.00 MiB)...", lines[0]);
        Assert.Equal(["  big.gz: 25%", "  big.gz: 50%", "  big.gz: 75%"], lines[1..4]);
        Assert.StartsWith("  big.gz: 4.00 MiB in ", lines[4]);
        Assert.Equal("Downloading small.gz (1000 bytes)...", lines[5]);
        Assert.StartsWith("  small.gz: 1000 bytes in ", lines[6]);
        Assert.Equal(7, lines.Length);
    }

    [Fact]
    public void A_failing_download_propagates_through_the_progress_display()
    {
        var output = new LibraryOutput(new StringWriter());
        var error = Assert.Throws<IOException>(() => output.Track("x.gz", 10, _ => throw new IOException("reset")));
        Assert.Equal("reset", error.Message);
    }

    static string[] Lines(StringWriter writer) =>
        writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
}
