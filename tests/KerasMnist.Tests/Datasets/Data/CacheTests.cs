using KerasMnist.Datasets.Data;
using static KerasMnist.Tests.Datasets.Data.TestPipelines;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Datasets.Data;

public class CacheTests
{
    [Fact]
    public void LaterPassesDoNotRunTheUpstreamAgain()
    {
        int calls = 0;
        var ds = Range(100).map((x, y) => { calls++; return (x.clone(), y); }).cache();

        var first = Labels(ds);
        int callsInFirstPass = calls;
        var second = Labels(ds);
        Labels(ds);

        Assert.True(callsInFirstPass > 0);
        Assert.Equal(callsInFirstPass, calls);
        Assert.Equal(first, second);
    }

    [Fact]
    public void CachedBatchesAreMappedOncePerBatch()
    {
        int calls = 0;
        var ds = Range(100).batch(10).map((x, y) => { calls++; return (x, y); }).cache();

        Assert.Equal(10, Batches(ds).Count);
        Assert.Equal(10, calls);
        Assert.Equal(10, Batches(ds).Count);
        Assert.Equal(10, calls);
    }

    [Fact]
    public void CachedValuesAreTheMappedValues()
    {
        var ds = Range(20_000).map((x, y) => (x + 0.5f, y)).cache().batch(20_000);
        Batches(ds);

        var (x, y) = ds.Single();
        Assert.Equal(Enumerable.Range(0, 20_000).Select(i => i + 0.5f), x.select(1, 0).data<float>().ToArray());
        Assert.Equal(Enumerable.Range(0, 20_000).Select(i => (long)i), y.data<long>().ToArray());
    }

    [Fact]
    public void AnAbandonedFirstPassLeavesNoPartialCache()
    {
        int calls = 0;
        var ds = Range(30).batch(3).map((x, y) => { calls++; return (x, y); }).cache();

        foreach (var (x, y) in ds)
        {
            x.Dispose();
            y.Dispose();
            break;
        }
        Assert.Equal(1, calls);

        var full = Labels(ds);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => (long)i), full);
        Assert.Equal(1 + 10, calls);

        Assert.Equal(full, Labels(ds));
        Assert.Equal(11, calls);
    }

    [Fact]
    public void ShufflingACacheReordersWithoutRecomputing()
    {
        int calls = 0;
        var ds = Range(500).map((x, y) => { calls++; return (x, y); }).cache().shuffle(500, seed: 4);

        var first = Labels(ds);
        int callsAfterFirst = calls;
        var second = Labels(ds);

        AssertPermutation(second, 500);
        Assert.InRange(SamePositions(first, second), 0, 8);
        Assert.Equal(callsAfterFirst, calls);
    }

    [Fact]
    public void TheCacheSurvivesTheConsumersDisposeScope()
    {
        var ds = Range(50).map((x, y) => (x.clone(), y)).cache().batch(10);
        using (NewDisposeScope())
        {
            Assert.Equal(5, Batches(ds).Count);
        }

        Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)i), Labels(ds));
    }
}
