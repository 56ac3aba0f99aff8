using KerasMnist.Datasets;
using KerasMnist.Datasets.Data;
using TorchSharp;
using static KerasMnist.Tests.Datasets.Data.TestPipelines;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Datasets.Data;

public class MapTests
{
    // The notebook's normalisation, written as in the C# port.
    private static (Tensor, Tensor) normalize_img(Tensor image, Tensor label) => (tf.cast(image, tf.float32) / 255f, label);

    [Fact]
    public void NormalizeImgGivesFloat32PixelsInZeroToOne()
    {
        using var images = arange(0, 256 * 4, ScalarType.Int64).remainder(256).to_type(ScalarType.Byte).reshape(4, 16, 16, 1);
        using var labels = tensor(new long[] { 3, 1, 4, 1 });
        var ds = Dataset.from_tensor_slices(images, labels).map(normalize_img, num_parallel_calls: tf.data.experimental.AUTOTUNE);

        var elements = ds.ToList();

        Assert.Equal(4, elements.Count);
        using var all = stack(elements.Select(e => e.x).ToArray());
        Assert.Equal(ScalarType.Float32, all.dtype);
        Assert.Equal([16L, 16, 1], elements[0].x.shape);
        Assert.Equal(0f, all.min().item<float>());
        Assert.Equal(1f, all.max().item<float>());
        using var expected = images.to_type(ScalarType.Float32) / 255f;
        Assert.True(all.allclose(expected));
        Assert.Equal([3L, 1, 4, 1], elements.Select(e => e.y.item<long>()));
        Assert.All(elements, e => Assert.Equal(ScalarType.Int64, e.y.dtype));
    }

    [Fact]
    public void TheFunctionGetsWholeBlocksBeforeBatchAndOneBatchAfter()
    {
        var blockSizes = new List<long>();
        Labels(Range(1000).map((x, y) => { blockSizes.Add(x.shape[0]); return (x, y); }));
        Assert.Equal([1000L], blockSizes);

        blockSizes.Clear();
        Batches(Range(1000).batch(128).map((x, y) => { blockSizes.Add(x.shape[0]); return (x, y); }));
        Assert.Equal(Enumerable.Repeat(128L, 7).Append(104), blockSizes);
    }

    [Fact]
    public void AFunctionThatIsNotElementwiseAlongAxisZeroIsExplained()
    {
        var ds = Range(10).map((x, y) => (x.narrow(0, 0, 1), y));

        var error = Assert.Throws<InvalidOperationException>(() => ds.ToList());

        Assert.Contains("elementwise along axis 0", error.Message);
        Assert.Contains("x of shape (1, 2)", error.Message);
    }

    [Fact]
    public void ATensorCapturedByTheFunctionStaysTheCallers()
    {
        using var labels = arange(10, ScalarType.Int64);
        var ds = Range(10).map((x, _) => (x, labels));

        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), Labels(ds));
        Assert.Equal(10, Labels(ds).Length);
        Assert.False(labels.IsInvalid, "the pipeline disposed a tensor it does not own");
        Assert.Equal(45, labels.sum().item<long>());
    }

    [Fact]
    public void RejectsAZeroParallelism()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Range(10).map((x, y) => (x, y), num_parallel_calls: 0));
        Assert.Equal("num_parallel_calls", error.ParamName);
    }
}
