using KerasMnist.Datasets;
using KerasMnist.Datasets.Data;
using TorchSharp;
using static KerasMnist.Tests.Datasets.Data.TestPipelines;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Datasets.Data;

public class EnumerationTests
{
    [Fact]
    public void ForeachDeconstructsImageAndLabelElements()
    {
        using var images = arange(5 * 28 * 28, ScalarType.Int64).remainder(251).to_type(ScalarType.Byte).reshape(5, 28, 28, 1);
        using var labels = tensor(new long[] { 7, 2, 1, 0, 4 });
        var ds = tf.data.Dataset.from_tensor_slices(images, labels);

        int i = 0;
        foreach (var (image, label) in ds)
        {
            Assert.Equal([28L, 28, 1], image.shape);
            Assert.Equal(ScalarType.Byte, image.dtype);
            Assert.Equal(0, label.dim());
            Assert.Equal(ScalarType.Int64, label.dtype);
            Assert.True(image.eq(images[i]).all().item<bool>());
            Assert.Equal(labels[i].item<long>(), label.item<long>());
            i++;
        }
        Assert.Equal(5, i);
    }

    [Fact]
    public void YieldedTensorsAreTheConsumersToDispose()
    {
        var ds = Range(20).map((x, y) => (x.clone(), y)).cache().shuffle(20, seed: 1).batch(6).prefetch(2);

        foreach (var (x, y) in ds)
        {
            x.Dispose();
            y.Dispose();
        }

        AssertPermutation(Labels(ds), 20);
    }

    [Fact]
    public void TheSourceTensorsMayBeDisposedByTheCaller()
    {
        var x = arange(6, ScalarType.Float32).reshape(3, 2);
        var y = arange(3, ScalarType.Int64);
        var ds = Dataset.from_tensor_slices(x, y).batch(3);
        x.Dispose();
        y.Dispose();

        var (bx, by) = ds.Single();
        Assert.Equal([0f, 1, 2, 3, 4, 5], bx.reshape(-1).data<float>().ToArray());
        Assert.Equal([0L, 1, 2], by.data<long>().ToArray());
    }

    // A training loop may wrap each step in a dispose scope; the batch, made on the prefetch thread,
    // must belong to it, while the pipeline's own state must not.
    [Fact]
    public void YieldedTensorsJoinTheConsumersDisposeScope()
    {
        var ds = Range(40).map((x, y) => (x.clone(), y)).cache().shuffle(40, seed: 2).batch(8).prefetch(2);

        for (int pass = 0; pass < 2; pass++)
        {
            int batches = 0;
            foreach (var (x, y) in ds)
            {
                using (var step = NewDisposeScope())
                {
                    step.Attach(x);
                    Assert.Equal(8, y.shape[0]);
                }
                Assert.True(x.IsInvalid);
                batches++;
            }
            Assert.Equal(5, batches);
        }

        Tensor? kept = null;
        using (NewDisposeScope())
        {
            foreach (var (x, _) in ds)
            {
                kept = x;
                break;
            }
        }
        Assert.True(kept!.IsInvalid, "a batch yielded inside a dispose scope was not attached to it");
    }

    [Fact]
    public void FromTensorSlicesNeedsMatchingLengths()
    {
        using var x = zeros(5, 2);
        using var y = zeros(4, ScalarType.Int64);
        using var scalar = tensor(1f);

        var error = Assert.Throws<ArgumentException>(() => Dataset.from_tensor_slices(x, y));
        Assert.Contains("x has 5", error.Message);
        Assert.Contains("y has 4", error.Message);
        Assert.Throws<ArgumentException>(() => Dataset.from_tensor_slices(scalar, y));
    }

    [Fact]
    public void ADatasetDefinedElsewhereWorksThroughTheWholePipeline()
    {
        int calls = 0;
        var ds = new ElementsOfUnknownCount(25)
            .map((x, y) => { calls++; return (x * 1, y); })
            .cache()
            .shuffle(25, seed: 6)
            .batch(10)
            .prefetch(2);

        var first = Batches(ds);
        var second = Batches(ds);

        Assert.Equal([10, 10, 5], first.Select(b => b.Length));
        AssertPermutation(first.SelectMany(b => b).ToArray(), 25);
        AssertPermutation(second.SelectMany(b => b).ToArray(), 25);
        Assert.NotEqual(first.SelectMany(b => b), second.SelectMany(b => b));
        Assert.Equal(25, calls);
    }
}
