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

    [Fact]
    public void RunsTheUpstreamOnABackgroundThreadAheadOfTheConsumer()
    {
        int produced = 0;
        var producers = new ConcurrentDictionary<Thread, bool>();
        var ds = Range(100).batch(1).map((x, y) =>
        {
            producers[Thread.CurrentThread] = true;
            Interlocked.Increment(ref produced);
            return (x, y);
        }).prefetch(5);

        using var batches = ds.GetEnumerator();
        Assert.True(batches.MoveNext());
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref produced) >= 1 + 5, TimeSpan.FromSeconds(10)),
            $"the producer did not fill its buffer while the consumer waited (produced {produced})");
        Assert.Contains(producers.Keys, thread => thread != Thread.CurrentThread);
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
        int producedAtBreak = Volatile.Read(ref produced);
        Thread.Sleep(200);

        var background = producers.Keys.Where(thread => thread != Thread.CurrentThread).ToList();
        Assert.NotEmpty(background);
        Assert.All(background, thread => Assert.False(thread.IsAlive, "a producer thread still runs after the consumer left"));
        // At most the buffer plus the one element waiting to enter it.
        Assert.InRange(producedAtBreak, consumed, consumed + bufferSize + 1);
        Assert.Equal(producedAtBreak, Volatile.Read(ref produced));
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
