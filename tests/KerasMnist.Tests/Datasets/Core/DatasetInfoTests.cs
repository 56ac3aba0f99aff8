using KerasMnist.Datasets.Core;

namespace KerasMnist.Tests.Datasets.Core;

public class DatasetInfoTests
{
    [Theory]
    [InlineData(0, "Unknown size")]
    [InlineData(512, "512 bytes")]
    [InlineData(1024, "1.00 KiB")]
    [InlineData(4542, "4.44 KiB")]
    [InlineData(11594722, "11.06 MiB")]
    [InlineData(3L << 30, "3.00 GiB")]
    public void SizesPrintLikeTfdsUnits(long bytes, string expected) => Assert.Equal(expected, new Size(bytes).ToString());

    private static DatasetInfo Info(string dataDir) => new()
    {
        name = "mnist",
        version = "3.0.1",
        description = "The MNIST database of handwritten digits.",
        homepage = "http://yann.lecun.com/exdb/mnist/",
        data_dir = dataDir,
        download_size = new Size(11594722),
        dataset_size = new Size(21L << 20),
        citation = "@article{x,\n  year={2010}\n}\n",
        features = new FeaturesDict
        {
            image = new ImageFeature([28, 28, 1], "uint8"),
            label = new ClassLabel([.. Enumerable.Range(0, 10).Select(i => i.ToString())]),
        },
        splits = new Dictionary<string, SplitInfo> { ["train"] = new("train", 60000), ["test"] = new("test", 10000) },
    };

    [Fact]
    public void PrintsTheWholeTfdsLayout()
    {
        Assert.Equal(
            """
            tfds.core.DatasetInfo(
                name='mnist',
                full_name='mnist/3.0.1',
                description=\"\"\"
                The MNIST database of handwritten digits.
                \"\"\",
                homepage='http://yann.lecun.com/exdb/mnist/',
                data_dir='/data/mnist',
                file_format=idx,
                download_size=11.06 MiB,
                dataset_size=21.00 MiB,
                features=FeaturesDict({
                    'image': Image(shape=(28, 28, 1), dtype=uint8),
                    'label': ClassLabel(shape=(), dtype=int64, num_classes=10),
                }),
                supervised_keys=('image', 'label'),
                disable_shuffling=False,
                nondeterministic_order=False,
                splits={
                    'test': <SplitInfo num_examples=10000, num_shards=1>,
                    'train': <SplitInfo num_examples=60000, num_shards=1>,
                },
                citation=\"\"\"@article{x,
                  year={2010}
                }\"\"\",
            )
            """.Replace("\\\"", "\""),
            Info("/data/mnist").ToString());
    }

    [Fact]
    public void PathsAreQuotedLikePythonReprs()
    {
        Assert.Contains(@"data_dir='C:\\data\\mnist',", Info(@"C:\data\mnist").ToString());
        Assert.Contains("data_dir=\"/home/o'brien/mnist\",", Info("/home/o'brien/mnist").ToString());
    }

    [Fact]
    public void FeaturesCanBeIndexedLikeThePythonDict()
    {
        var info = Info("/data");
        Assert.Same(info.features.label, info.features["label"]);
        Assert.Same(info.features.image, info.features["image"]);
        var e = Assert.Throws<KeyNotFoundException>(() => info.features["labels"]);
        Assert.Contains("'image' and 'label'", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => info.features.label.int2str(10));
    }
}
