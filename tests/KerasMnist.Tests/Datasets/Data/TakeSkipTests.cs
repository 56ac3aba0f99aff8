using static KerasMnist.Tests.Datasets.Data.TestPipelines;

namespace KerasMnist.Tests.Datasets.Data;

public class TakeSkipTests
{
    [Fact]
    public void BeforeBatchTheyCountElements()
    {
        Assert.Equal([3L, 4, 5, 6], Labels(Range(10).skip(3).take(4)));
        Assert.Equal([[0L, 1], [2, 3], [4]], Batches(Range(10).take(5).batch(2)));
    }

    [Fact]
    public void AfterBatchTheyCountBatches()
    {
        Assert.Equal([[3L, 4, 5], [6, 7, 8]], Batches(Range(10).batch(3).skip(1).take(2)));
    }

    [Fact]
    public void NegativeCountsTakeOrSkipEverything()
    {
        Assert.Equal(10, Labels(Range(10).take(-1)).Length);
        Assert.Empty(Labels(Range(10).skip(-1)));
    }

    // from_tensor_slices hands out blocks of 8192 rows.
    [Fact]
    public void WindowsAcrossSourceBlocksAreExact()
    {
        Assert.Equal(Enumerable.Range(8000, 500).Select(i => (long)i), Labels(Range(20_000).skip(8000).take(500)));
    }

    [Fact]
    public void TakeStopsReadingTheUpstream()
    {
        int calls = 0;
        var ds = Range(100).batch(10).map((x, y) => { calls++; return (x, y); }).take(2);

        Assert.Equal(2, Batches(ds).Count);
        Assert.Equal(2, calls);
    }
}
