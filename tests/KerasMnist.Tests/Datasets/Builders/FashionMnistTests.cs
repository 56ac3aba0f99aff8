using KerasMnist.Datasets;
using KerasMnist.Datasets.Download;

namespace KerasMnist.Tests.Datasets.Builders;

/// <summary>
/// Fashion-MNIST found as the program finds it. With KERASMNIST_DATA_DIR pointing at the MNIST copy (as in CI)
/// that folder must be passed over, and the Debian package's folder (installed by .ci/run) used instead.
/// </summary>
public sealed class FashionMnistTests
{
    [Fact]
    public void LoadsTenBalancedClothingClassesNotTheDigitsInTheDataDir()
    {
        using var fashion = tfds.builder("fashion_mnist", download: false);
        var (trainImages, train) = fashion.as_tensors("train");
        var (testImages, test) = fashion.as_tensors("test");
        using (trainImages) using (train) using (testImages) using (test)
        {
            Assert.Equal([60000L, 28, 28, 1], trainImages.shape);
            using var trainCounts = train.bincount(null, 10);
            using var testCounts = test.bincount(null, 10);
            // Fashion-MNIST is exactly balanced; MNIST's digits are not, so this also proves which data was read.
            Assert.All(trainCounts.data<long>().ToArray(), n => Assert.Equal(6000, n));
            Assert.All(testCounts.data<long>().ToArray(), n => Assert.Equal(1000, n));
        }
        string? dataDir = Environment.GetEnvironmentVariable(DataSourceOptions.DataDirVariable);
        if (dataDir is not null)
            Assert.NotEqual(Path.GetFullPath(dataDir), fashion.info.data_dir);
    }

    [Fact]
    public void InfoCarriesTheClassNamesAndPrintsLikeTfds()
    {
        using var fashion = tfds.builder("fashion_mnist", download: false);
        var info = fashion.info;
        Assert.Equal(["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"],
            info.features.label.names);
        Assert.Equal("Ankle boot", info.features.label.int2str(9));
        Assert.Equal(8, info.features.label.str2int("Bag"));
        Assert.Equal("fashion_mnist/3.0.1", info.full_name);
        string text = info.ToString();
        Assert.Contains("    name='fashion_mnist',", text);
        Assert.Contains("    homepage='https://github.com/zalandoresearch/fashion-mnist',", text);
        Assert.Contains("    download_size=29.45 MiB,", text);
        Assert.Contains("    dataset_size=36.42 MiB,", text);
        Assert.Contains("        'label': ClassLabel(shape=(), dtype=int64, num_classes=10),", text);
        Assert.Contains("    citation=\"\"\"@article{DBLP:journals/corr/abs-1708-07747,\n      author    = {Han Xiao and\n", text);
    }
}
