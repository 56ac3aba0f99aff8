using KerasMnist.Datasets;
using KerasMnist.Datasets.Builders;
using KerasMnist.Tests.Fixtures;
using TorchSharp;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Datasets.Builders;

/// <summary>One builder for the class, so the training file is parsed once.</summary>
public sealed class RealMnistFixture : IDisposable
{
    /// <summary>Found as the program finds it (data_dir, KERASMNIST_DATA_DIR, cache), never downloaded.</summary>
    public KerasMnist.Datasets.Builders.DatasetBuilder Mnist { get; } = tfds.builder("mnist", download: false);

    public void Dispose() => Mnist.Dispose();
}

public sealed class RealMnistTests(RealMnistFixture fixture) : IClassFixture<RealMnistFixture>
{
    private readonly KerasMnist.Datasets.Builders.DatasetBuilder mnist = fixture.Mnist;

    private static long[] ClassCounts(Tensor labels)
    {
        using var counts = labels.bincount(null, 10);
        return counts.data<long>().ToArray();
    }

    [Fact]
    public void NotebookSplitsHave42000And18000And10000ExamplesOfTheRightShapeAndType()
    {
        var sizes = new List<long>();
        foreach (var split in new[] { "train[:70%]", "train[70%:]", "test" })
        {
            var (images, labels) = mnist.as_tensors(split);
            using (images)
            using (labels)
            {
                Assert.Equal(ScalarType.Byte, images.dtype);
                Assert.Equal(ScalarType.Int64, labels.dtype);
                Assert.Equal([images.shape[0], 28, 28, 1], images.shape);
                Assert.Equal([images.shape[0]], labels.shape);
                sizes.Add(images.shape[0]);
            }
        }
        Assert.Equal([42000L, 18000L, 10000L], sizes);
    }

    [Fact]
    public void WholeSplitsHaveTheKnownClassCounts()
    {
        var (testImages, test) = mnist.as_tensors("test");
        var (trainImages, train) = mnist.as_tensors("train");
        using (testImages) using (test) using (trainImages) using (train)
        {
            Assert.Equal([980L, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009], ClassCounts(test));
            Assert.Equal([5923L, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949], ClassCounts(train));
        }
    }

    [Fact]
    public void SlicesFollowTheIdxOrderAndPartitionTheTrainingSet()
    {
        var (all, allLabels) = mnist.as_tensors("train");
        var (head, headLabels) = mnist.as_tensors("train[:70%]");
        var (tail, tailLabels) = mnist.as_tensors("train[70%:]");
        using (all) using (allLabels) using (head) using (headLabels) using (tail) using (tailLabels)
        {
            using var joined = torch.cat([head, tail], 0);
            using var joinedLabels = torch.cat([headLabels, tailLabels], 0);
            Assert.True(joined.eq(all).all().item<bool>());
            Assert.True(joinedLabels.eq(allLabels).all().item<bool>());
            // The first training image of the original file is a 5, as every MNIST reader knows.
            Assert.Equal(5L, headLabels[0].item<long>());
        }
    }

    [Fact]
    public void PixelsSpanTheFullGreyRangeWithMnistsKnownMean()
    {
        var (images, labels) = mnist.as_tensors("train");
        using (images) using (labels)
        {
            using var flat = images.flatten();
            using var histogram = flat.bincount(null, 256);
            long[] counts = histogram.data<long>().ToArray();
            double mean = counts.Select((n, grey) => (double)n * grey).Sum() / counts.Sum();
            // MNIST's normalisation constant is mean 0.1307 of 1.0, i.e. 33.33 grey levels of 255.
            Assert.InRange(mean, 33.2, 33.45);
            Assert.True(counts[0] > counts.Sum() / 2, "most pixels are background (0)");
            Assert.True(counts[255] > 0, "strokes reach full white");
        }
    }

    [Fact]
    public void TheSixtyThousandImageFileIsReadIntoOneArrayWithoutFurtherCopies()
    {
        // Parsing stays fast while it does no work per image and makes no extra copy of the 47 MB of pixels (a buffer
        // per image, a MemoryStream's ToArray, a List<byte>): this thread then allocates the compressed file once (read
        // whole, its gzip trailer is checked), the pixel array once, and the decompressor's small buffers. How fast it is
        // is measured by the benchmark (tools/KerasMnist.Benchmarks: reading), not here.
        string path = SharedMnist.File("train-images-idx3-ubyte.gz");
        IdxReader.ReadImages(path); // JIT
        long before = GC.GetAllocatedBytesForCurrentThread();
        var images = IdxReader.ReadImages(path);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal((60000, 28, 28), (images.count, images.rows, images.cols));
        Assert.Equal(60000 * 28 * 28, images.pixels.Length);
        long budget = new FileInfo(path).Length + images.pixels.Length + (1 << 20);
        Assert.True(allocated <= budget, $"reading allocated {allocated:N0} bytes; the file and the pixels need {budget - (1 << 20):N0}");
    }

    [Fact]
    public void InfoDescribesTheWholeSplitsAndPrintsLikeTfds()
    {
        mnist.download_and_prepare();
        var info = mnist.info;
        Assert.Equal("mnist", info.name);
        Assert.Equal("mnist/3.0.1", info.full_name);
        Assert.Equal(60000, info.splits["train"].num_examples);
        Assert.Equal(10000, info.splits["test"].num_examples);
        Assert.Equal(10, info.features.label.num_classes);
        Assert.Equal("7", info.features.label.int2str(7));
        Assert.Equal(Path.GetFullPath(SharedMnist.Folder), info.data_dir);
        string text = info.ToString();
        foreach (var line in new[]
        {
            "tfds.core.DatasetInfo(",
            "    name='mnist',",
            "    full_name='mnist/3.0.1',",
            "    description=\"\"\"\n    The MNIST database of handwritten digits.\n    \"\"\",",
            "    homepage='http://yann.lecun.com/exdb/mnist/',",
            $"    data_dir='{Path.GetFullPath(SharedMnist.Folder)}',",
            "    download_size=11.06 MiB,",
            "    dataset_size=21.00 MiB,",
            "    features=FeaturesDict({\n        'image': Image(shape=(28, 28, 1), dtype=uint8),\n        'label': ClassLabel(shape=(), dtype=int64, num_classes=10),\n    }),",
            "    supervised_keys=('image', 'label'),",
            "    splits={\n        'test': <SplitInfo num_examples=10000, num_shards=1>,\n        'train': <SplitInfo num_examples=60000, num_shards=1>,\n    },",
            "    citation=\"\"\"@article{lecun2010mnist,\n      title={MNIST handwritten digit database},",
            "      year={2010}\n    }\"\"\",\n)",
        })
            Assert.Contains(line, text);
    }
}
