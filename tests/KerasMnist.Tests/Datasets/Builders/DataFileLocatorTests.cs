using System.IO.Compression;
using KerasMnist.Datasets.Builders;
using KerasMnist.Datasets.Core;
using KerasMnist.Datasets.Download;
using KerasMnist.Tests.Fixtures;

namespace KerasMnist.Tests.Datasets.Builders;

/// <summary>Where the files come from: data_dir, its per-dataset subfolder, the user cache, and the one error when nothing works.</summary>
public sealed class DataFileLocatorTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly StringWriter log = new();
    private readonly IDisposable output;

    // Notes, warnings and download progress go to the library output, here this test's log.
    public DataFileLocatorTests() => output = LibraryOutput.Use(new LibraryOutput(log));

    public void Dispose()
    {
        output.Dispose();
        temp.Dispose();
    }

    private DataSourceOptions Options(string? dataDir = null, bool download = false, IReadOnlyList<Uri>? mirrors = null) => new()
    {
        DataDir = dataDir,
        CacheRoot = temp.Combine("cache"),
        UseSystemDirs = false,
        Download = download,
        Mirrors = mirrors,
        ReadTimeout = TimeSpan.FromSeconds(5),
    };

    [Fact]
    public void DataDirIsReadInPlaceAndALocalFileWithAnotherChecksumIsUsedWithAWarning()
    {
        var located = DataFileLocator.Locate(Mnist.Definition, Options(dataDir: SharedMnist.Folder));

        Assert.Equal(Path.GetFullPath(SharedMnist.Folder), located.Folder);
        Assert.Equal(Path.Combine(located.Folder, "t10k-images-idx3-ubyte.gz"), located.Paths["t10k-images-idx3-ubyte.gz"]);
        // The offline training-images file is a re-encoding whose pixels differ by up to one grey level (see the data
        // README): one line says so; files with the official checksum are not mentioned.
        string warning = Assert.Single(log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"warning: mnist in {located.Folder}: the train images in train-images-idx3-ubyte.gz differ from the official ones.", warning);
        Assert.DoesNotContain("t10k-images", warning);
        Assert.Empty(temp.Files()); // nothing written to the cache
    }

    [Fact]
    public void LoadingTheTestSplitSaysNothingAboutTheTrainingImagesItDoesNotRead()
    {
        // evaluate reads only "test"; the offline copy's re-encoded training images are none of its business.
        SharedMnist.LinkInto(temp.Combine("copy"));

        KerasMnist.Datasets.tfds.load("mnist", "test", data_dir: temp.Combine("copy"));

        Assert.Equal("", log.ToString());
    }

    [Fact]
    public void TheWarningAboutAFileIsGivenOnceHoweverManyLoadsReadIt()
    {
        // A run loads MNIST in collect and again in later stages; the learner reads the warning once.
        string copy = temp.Combine("copy");
        SharedMnist.LinkInto(copy);

        KerasMnist.Datasets.tfds.load("mnist", ["train[:70%]", "train[70%:]", "test"], data_dir: copy);
        KerasMnist.Datasets.tfds.load("mnist", "train[:10]", data_dir: copy);
        using (var builder = KerasMnist.Datasets.tfds.builder("mnist", Options(dataDir: copy)))
            builder.as_dataset("train");

        string warning = Assert.Single(log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"warning: mnist in {copy}: the train images in train-images-idx3-ubyte.gz differ from the official ones.", warning);
    }

    [Fact]
    public void DataDirMayHoldOneSubfolderPerDataset()
    {
        SharedMnist.LinkInto(temp.Combine("root", "mnist"));
        var located = DataFileLocator.Locate(Mnist.Definition, Options(dataDir: temp.Combine("root")));
        Assert.Equal(temp.Combine("root", "mnist"), located.Folder);
    }

    [Fact]
    public void TheUserCacheServesWhenNoDataDirIsGivenAndDataDirComesFirst()
    {
        SharedMnist.LinkInto(temp.Combine("cache", "mnist"));
        Assert.Equal(temp.Combine("cache", "mnist"), DataFileLocator.Locate(Mnist.Definition, Options()).Folder);

        SharedMnist.LinkInto(temp.Combine("mine"));
        Assert.Equal(temp.Combine("mine"), DataFileLocator.Locate(Mnist.Definition, Options(dataDir: temp.Combine("mine"))).Folder);
    }

    [Fact]
    public void TheEnvironmentFolderServesWhenNoDataDirIsGivenAndDataDirWinsOverIt()
    {
        SharedMnist.LinkInto(temp.Combine("from-env"));
        SharedMnist.LinkInto(temp.Combine("from-arg"));
        var fromEnvironment = Options() with { EnvironmentDataDir = temp.Combine("from-env") };
        Assert.Equal(temp.Combine("from-env"), DataFileLocator.Locate(Mnist.Definition, fromEnvironment).Folder);
        Assert.Equal(temp.Combine("from-arg"),
            DataFileLocator.Locate(Mnist.Definition, fromEnvironment with { DataDir = temp.Combine("from-arg") }).Folder);

        // Messages name where the folder came from.
        var mistyped = Options() with { EnvironmentDataDir = temp.Combine("typo") };
        Assert.Throws<DatasetException>(() => DataFileLocator.Locate(Mnist.Definition, mistyped));
        Assert.Contains($"note: {temp.Combine("typo")} (KERASMNIST_DATA_DIR) does not exist; looking elsewhere for mnist.", log.ToString());
    }

    [Fact]
    public void AnIncompleteDataDirIsPassedOverWithANote()
    {
        SharedMnist.LinkInto(temp.Combine("cache", "mnist"));
        Directory.CreateDirectory(temp.Combine("partial"));
        File.CreateSymbolicLink(temp.Combine("partial", "t10k-labels-idx1-ubyte.gz"), SharedMnist.File("t10k-labels-idx1-ubyte.gz"));

        var located = DataFileLocator.Locate(Mnist.Definition, Options(dataDir: temp.Combine("partial")));

        Assert.Equal(temp.Combine("cache", "mnist"), located.Folder);
        Assert.Contains($"note: {temp.Combine("partial")} (data_dir) lacks train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz", log.ToString());
    }

    [Fact]
    public void AMistypedDataDirIsReportedNotSilentlyIgnored()
    {
        SharedMnist.LinkInto(temp.Combine("cache", "mnist"));
        var located = DataFileLocator.Locate(Mnist.Definition, Options(dataDir: temp.Combine("typo")));
        Assert.Equal(temp.Combine("cache", "mnist"), located.Folder);
        Assert.Contains($"note: {temp.Combine("typo")} (data_dir) does not exist; looking elsewhere for mnist.", log.ToString());
    }

    [Fact]
    public void UncompressedFilesAreAcceptedAndReadTheSame()
    {
        Directory.CreateDirectory(temp.Combine("raw"));
        foreach (var name in SharedMnist.FileNames)
        {
            using var gz = new GZipStream(File.OpenRead(SharedMnist.File(name)), CompressionMode.Decompress);
            using var raw = File.Create(temp.Combine("raw", name[..^3]));
            gz.CopyTo(raw);
        }
        using var fromRaw = new DatasetBuilder(Mnist.Definition, Options(dataDir: temp.Combine("raw")));
        using var fromGz = new DatasetBuilder(Mnist.Definition, Options(dataDir: SharedMnist.Folder));
        var (rawImages, rawLabels) = fromRaw.as_tensors("test");
        var (gzImages, gzLabels) = fromGz.as_tensors("test");
        using (rawImages) using (rawLabels) using (gzImages) using (gzLabels)
        {
            Assert.Equal(temp.Combine("raw"), fromRaw.info.data_dir);
            Assert.True(rawImages.eq(gzImages).all().item<bool>());
            Assert.True(rawLabels.eq(gzLabels).all().item<bool>());
        }
    }

    [Fact]
    public void AFolderHoldingAnotherDatasetIsNotReadAsThisOne()
    {
        var e = Assert.Throws<DatasetException>(() => DataFileLocator.Locate(FashionMnist.Definition, Options(dataDir: SharedMnist.Folder)));

        Assert.Contains($"{Path.GetFullPath(SharedMnist.Folder)} (data_dir): holds mnist, not this dataset", e.Message);
        Assert.Contains("holds mnist, not this dataset; looking elsewhere for fashion_mnist", log.ToString());
    }

    [Fact]
    public void WithoutAnySourceOneErrorGivesBothRemedies()
    {
        var refused = new Uri($"http://127.0.0.1:{LoopbackServer.FreePort()}/");
        var e = Assert.Throws<DatasetException>(() => DataFileLocator.Locate(Mnist.Definition, Options(download: true, mirrors: [refused])));

        string cache = temp.Combine("cache", "mnist");
        Assert.StartsWith("Cannot load mnist: its data files were not found on this machine and downloading failed", e.Message);
        Assert.Contains($"Could not download train-images-idx3-ubyte.gz (9.45 MiB, sha256 440fcabf", e.Message);
        Assert.Contains($"{refused}train-images-idx3-ubyte.gz: ", e.Message);
        Assert.Contains("data_dir / KERASMNIST_DATA_DIR: not set", e.Message);
        Assert.Contains("pass --data-dir DIR (in code: tfds.load(..., data_dir: DIR)) or set KERASMNIST_DATA_DIR=DIR", e.Message);
        Assert.Contains($"connect to the internet and run again, so they are downloaded (11.06 MiB) into {cache}", e.Message);
        Assert.False(Directory.Exists(cache), "a failed download leaves not even an empty cache folder");
    }

    [Fact]
    public void DownloadFalseNeverTouchesTheNetworkAndSaysSo()
    {
        var e = Assert.Throws<DatasetException>(() => DataFileLocator.Locate(FashionMnist.Definition, Options()));
        Assert.Contains("downloading is switched off (download: false)", e.Message);
        Assert.Contains("connect to the internet", e.Message);
        Assert.Contains("install the Debian package dataset-fashion-mnist, which puts them in /usr/share/datasets/fashion-mnist", e.Message);
        Assert.False(Directory.Exists(temp.Combine("cache")));
    }

    [Fact]
    public void FilesOfOneSplitThatDisagreeOrAreIncompleteAreRejectedNamingThem()
    {
        string dir = temp.Combine("small");
        IdxFiles.Write(dir, "train-images-idx3-ubyte.gz", IdxFiles.Gzip(IdxFiles.Images(2)));
        IdxFiles.Write(dir, "train-labels-idx1-ubyte.gz", IdxFiles.Gzip(IdxFiles.Labels([1, 2])));
        string images = IdxFiles.Write(dir, "t10k-images-idx3-ubyte.gz", IdxFiles.Gzip(IdxFiles.Images(5)));
        string labels = IdxFiles.Write(dir, "t10k-labels-idx1-ubyte.gz", IdxFiles.Gzip(IdxFiles.Labels([1, 2, 3, 4])));

        using (var builder = new DatasetBuilder(Mnist.Definition, Options(dataDir: dir)))
        {
            var e = Assert.Throws<DatasetException>(() => builder.as_tensors("test"));
            Assert.Contains($"{images} holds 5 images but {labels} holds 4 labels", e.Message);
        }

        IdxFiles.Write(dir, "t10k-labels-idx1-ubyte.gz", IdxFiles.Gzip(IdxFiles.Labels([1, 2, 3, 4, 5])));
        using (var builder = new DatasetBuilder(Mnist.Definition, Options(dataDir: dir)))
        {
            var e = Assert.Throws<DatasetException>(() => builder.as_tensors("test"));
            Assert.Contains($"{images} and {labels} hold 5 examples; mnist's 'test' split has 10000", e.Message);
        }
    }
}
