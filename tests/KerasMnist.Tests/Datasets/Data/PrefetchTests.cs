using System.Collections.Concurrent;
using KerasMnist.Datasets;
using static KerasMnist.Tests.Datasets.Data.TestPipelines;

namespace KerasMnist.Tests.Datasets.Data;

public class PrefetchTests
{
    [Fact]
    public void YieldsTheSameElementsInTheSameOrder()
    {
        var plain = Range(1000).shuffle(1000, seed: 8).batch(64);
        var prefetched = Range(1000).shuffle(1000, seed: 8).batch(64).prefetch(3);

        Assert.Equal(Batches(plain), Batches(prefetched));
        Assert.Equal(Batches(plain), Batches(prefetched));
        Assert.Equal(Labels(Range(100)), Labels(Range(100).prefetch(tf.data.AUTOTUNE)));
    }

    // Only turns a producer that never comes into a failure instead of a hang; nothing here is timed.
    static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    [Fact]
    public void RunsTheUpstreamOnABackgroundThreadAheadOfTheConsumer()
    {
        var consumer = Thread.CurrentThread;
        long received = 0;
        using var ranAhead = new ManualResetEventSlim();
        var ds = Range(100).batch(1).map((x, y) =>
        {
            // Another thread makes an element beyond the one the consumer will ask for next.
            if (Thread.CurrentThread != consumer)
            {
                using var label = y[0];
                if (label.item<long>() > Volatile.Read(ref received)) ranAhead.Set();
            }
            return (x, y);
        }).prefetch(5);

        using var batches = ds.GetEnumerator();
        Assert.True(batches.MoveNext());
        Interlocked.Increment(ref received);
        // The consumer holds element 0 and asks for nothing more: only a producer of its own can make element 2 now.
        // Without prefetching (or with the consumer making every element itself) this never happens.
        Assert.True(ranAhead.Wait(HangGuard), "no background thread produced ahead of the consumer");
    }

    [Fact]
    public void LeavingTheLoopEarlyStopsTheProducer()
    {
        const int bufferSize = 3;
        int produced = 0;
        var producers = new ConcurrentDictionary<Thread, bool>();
        var ds = Range(1000).batch(1).map((x, y) =>
        {
            producers[Thread.CurrentThread] = true;
            Interlocked.Increment(ref produced);
            return (x, y);
        }).prefetch(bufferSize);

        int consumed = 0;
        foreach (var (x, y) in ds)
        {
            x.Dispose();
            y.Dispose();
            if (++consumed == 2) break;
        }

        // Leaving the loop disposes the pass, which stops its producer threads and waits for them: they are gone
        // the moment the loop is left, with no waiting here, so nothing more can be produced.
        var background = producers.Keys.Where(thread => thread != Thread.CurrentThread).ToList();
        Assert.NotEmpty(background);
        Assert.All(background, thread => Assert.False(thread.IsAlive, "a producer thread still runs after the consumer left"));
        // At most the buffer plus the one element waiting to enter it.
        Assert.InRange(Volatile.Read(ref produced), consumed, consumed + bufferSize + 1);
    }

    [Fact]
    public void AnUpstreamErrorReachesTheConsumerAfterTheElementsBeforeIt()
    {
        var ds = Range(100).batch(10).map((x, y) =>
            y[0].item<long>() == 30 ? throw new InvalidOperationException("bad batch 3") : (x, y)).prefetch(2);

        var seen = new List<long>();
        var error = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var (x, y) in ds) seen.Add(y[0].item<long>());
        });

        Assert.Equal("bad batch 3", error.Message);
        Assert.Equal([0L, 10, 20], seen);
    }

    [Fact]
    public void EveryPassStartsANewProducer()
    {
        var ds = Range(50).batch(7).prefetch(2);

        Assert.Equal(8, Batches(ds).Count);
        Assert.Equal(8, Batches(ds).Count);
    }

    [Fact]
    public void RejectsNegativeBufferSizesOtherThanAutotune()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Range(10).prefetch(-2));
        Assert.Equal("buffer_size", error.ParamName);
    }
}
