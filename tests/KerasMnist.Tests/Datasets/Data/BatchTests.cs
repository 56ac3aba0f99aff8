using KerasMnist.Datasets.Data;
using TorchSharp;
using static KerasMnist.Tests.Datasets.Data.TestPipelines;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Datasets.Data;

public class BatchTests
{
    [Fact]
    public void TheLastBatchHoldsTheRemainder()
    {
        var batches = Batches(Range(10).batch(4));

        Assert.Equal([4, 4, 2], batches.Select(b => b.Length));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), batches.SelectMany(b => b));
    }

    [Fact]
    public void DropRemainderDropsTheLastPartialBatch()
    {
        Assert.Equal([4, 4], Batches(Range(10).batch(4, drop_remainder: true)).Select(b => b.Length));
        Assert.Equal([5, 5], Batches(Range(10).batch(5, drop_remainder: true)).Select(b => b.Length));
    }

    [Fact]
    public void BatchesGetALeadingBatchDimension()
    {
        using var images = zeros([10, 28, 28, 1], ScalarType.Byte);
        using var labels = arange(10, ScalarType.Int64);
        var shapes = Dataset.from_tensor_slices(images, labels).batch(4)
            .Select(b => (x: b.x.shape, y: b.y.shape, b.x.dtype, ydtype: b.y.dtype)).ToList();

        Assert.Equal([4L, 28, 28, 1], shapes[0].x);
        Assert.Equal([4L], shapes[0].y);
        Assert.Equal([2L, 28, 28, 1], shapes[2].x);
        Assert.Equal(ScalarType.Byte, shapes[0].dtype);
        Assert.Equal(ScalarType.Int64, shapes[0].ydtype);
    }

    // from_tensor_slices hands out blocks of 8192 rows; batches of 100 straddle them.
    [Fact]
    public void BatchesSpanningSourceBlocksKeepTheOrder()
    {
        const int n = 20_000;
        var batches = Batches(Range(n).batch(100));

        Assert.All(batches, b => Assert.Equal(100, b.Length));
        Assert.Equal(Enumerable.Range(0, n).Select(i => (long)i), batches.SelectMany(b => b));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ShuffledBatchesCarryMatchingImagesAndLabels(bool contiguousSource)
    {
        var batches = Batches(Range(1000, contiguousSource).shuffle(1000, seed: 3).batch(128));

        Assert.Equal(Enumerable.Repeat(128, 7).Append(104), batches.Select(b => b.Length));
        AssertPermutation(batches.SelectMany(b => b).ToArray(), 1000);
    }

    [Fact]
    public void BatchingBatchesStacksThem()
    {
        var nested = Range(12).batch(3).batch(2).ToList();

        Assert.Equal(2, nested.Count);
        Assert.Equal([2L, 3, 2], nested[0].x.shape);
        Assert.Equal([2L, 3], nested[0].y.shape);
        Assert.Equal([6L, 7, 8, 9, 10, 11], nested[1].y.reshape(-1).data<long>().ToArray());
    }

    [Fact]
    public void BatchingUnequalBatchesSaysHowToFixIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Range(10).batch(4).batch(3).ToList());

        Assert.Contains("drop_remainder: true", error.Message);
        Assert.Contains("(4, 2)", error.Message);
        Assert.Contains("(2, 2)", error.Message);
    }

    [Fact]
    public void RejectsAnEmptyBatch()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Range(10).batch(0));
        Assert.Equal("batch_size", error.ParamName);
    }
}
