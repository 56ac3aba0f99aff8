using System.IO.Compression;
using KerasMnist.Datasets.Builders;
using KerasMnist.Datasets.Core;
using KerasMnist.Datasets.Download;
using KerasMnist.Tests.Fixtures;

namespace KerasMnist.Tests.Datasets.Builders;

/// <summary>
/// Local copies that are not the official files byte for byte: Debian's Fashion-MNIST (gzip headers normalised), a
/// copy re-compressed with gzip -9 or stored uncompressed are the official data and load silently; a copy whose images
/// or labels differ loads with one short warning line for the dataset.
/// </summary>
public sealed class LocalCopyTests : IDisposable
{
    // Debian's dataset-fashion-mnist (.ci/run installs it): its contents are the official ones.
    const string DebianFashion = "/usr/share/datasets/fashion-mnist";

    readonly TempFolder temp = new();
    readonly StringWriter log = new();
    readonly IDisposable output;

    public LocalCopyTests() => output = LibraryOutput.Use(new LibraryOutput(log));

    public void Dispose()
    {
        output.Dispose();
        temp.Dispose();
    }

    DataSourceOptions From(string folder) => new()
    {
        DataDir = folder,
        CacheRoot = temp.Combine("cache"),
        UseSystemDirs = false,
        Download = false,
    };

    static byte[] Decompressed(string gz)
    {
        using var input = new GZipStream(File.OpenRead(gz), CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        input.CopyTo(bytes);
        return bytes.ToArray();
    }

    // gzip -9 of the content: another encoding than the official file's, the same data.
    static void WriteGzip(string path, byte[] content)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        gzip.Write(content);
    }

    static string[] Names(IdxDatasetDefinition definition) => [.. definition.Files.Select(f => f.filename)];

    [Fact]
    public void Debians_copy_and_recompressed_or_uncompressed_copies_of_the_official_data_load_without_a_warning()
    {
        var debian = DataFileLocator.Locate(FashionMnist.Definition, From(DebianFashion));
        Assert.Equal(DebianFashion, debian.Folder);
        // Not the official bytes (the headers differ), the official data.
        Assert.All(FashionMnist.Definition.Files, f => Assert.NotEqual(f.sha256, UrlInfo.Measure(debian.Paths[f.filename]).sha256));

        string recompressed = temp.Combine("gzip-9"), uncompressed = temp.Combine("raw");
        Directory.CreateDirectory(recompressed);
        Directory.CreateDirectory(uncompressed);
        foreach (var file in FashionMnist.Definition.Files)
        {
            var content = Decompressed(Path.Combine(DebianFashion, file.filename));
            WriteGzip(Path.Combine(recompressed, file.filename), content);
            File.WriteAllBytes(Path.Combine(uncompressed, file.uncompressed_filename), content);
        }
        Assert.Equal(recompressed, DataFileLocator.Locate(FashionMnist.Definition, From(recompressed)).Folder);
        Assert.Equal(uncompressed, DataFileLocator.Locate(FashionMnist.Definition, From(uncompressed)).Folder);

        Assert.Equal("", log.ToString());
    }

    [Fact]
    public void One_changed_label_gives_one_short_warning_that_names_the_labels()
    {
        string folder = temp.Combine("changed");
        Directory.CreateDirectory(folder);
        foreach (var name in Names(FashionMnist.Definition).Where(n => n != "train-labels-idx1-ubyte.gz"))
            File.CreateSymbolicLink(Path.Combine(folder, name), Path.Combine(DebianFashion, name));
        var labels = Decompressed(Path.Combine(DebianFashion, "train-labels-idx1-ubyte.gz"));
        labels[8] = (byte)((labels[8] + 1) % 10); // the first label, still a valid class
        WriteGzip(Path.Combine(folder, "train-labels-idx1-ubyte.gz"), labels);

        DataFileLocator.Locate(FashionMnist.Definition, From(folder));

        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith($"warning: fashion_mnist in {folder}: the train labels in train-labels-idx1-ubyte.gz differ from the official ones.", line);
        Assert.DoesNotContain("images", line);
        Assert.DoesNotContain("sha256", line);
    }

    [Fact]
    public void A_recompressed_mnist_copy_warns_only_about_the_file_whose_content_really_differs()
    {
        // The offline MNIST copy's training images are a re-encoding whose pixels differ by up to one grey level (see its
        // README); its other three files hold the official contents.
        string folder = temp.Combine("mnist");
        Directory.CreateDirectory(folder);
        foreach (var name in Names(Mnist.Definition))
            WriteGzip(Path.Combine(folder, name), Decompressed(SharedMnist.File(name)));

        DataFileLocator.Locate(Mnist.Definition, From(folder));

        var line = Assert.Single(log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"warning: mnist in {folder}: the train images in train-images-idx3-ubyte.gz differ from the official ones.", line);
        Assert.DoesNotContain("labels", line);
        Assert.DoesNotContain("t10k", line);
    }

    [Fact]
    public void A_file_whose_official_content_checksum_is_unknown_is_reported_as_not_comparable()
    {
        // tfds's url checksums give only the .gz files' sha256; a definition without the contents' sha256 cannot tell a
        // re-compressed copy from a changed one, and says so.
        var split = Mnist.Definition.Splits[0];
        var definition = Mnist.Definition with { Splits = [split with { Images = split.Images with { content_sha256 = null } }, Mnist.Definition.Splits[1]] };
        string folder = temp.Combine("unknown");
        Directory.CreateDirectory(folder);
        foreach (var name in Names(Mnist.Definition))
            WriteGzip(Path.Combine(folder, name), Decompressed(SharedMnist.File(name)));

        DataFileLocator.Locate(definition, From(folder));

        var line = Assert.Single(log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"warning: mnist in {folder}: train-images-idx3-ubyte.gz is not the official file, " +
            "and no checksum of the official train images is known to compare its content with. It is read as it is", line);
    }

    [Fact]
    public void A_changed_pixel_in_an_uncompressed_file_is_found_too()
    {
        string folder = temp.Combine("pixel");
        Directory.CreateDirectory(folder);
        foreach (var name in Names(FashionMnist.Definition).Where(n => n != "t10k-images-idx3-ubyte.gz"))
            File.CreateSymbolicLink(Path.Combine(folder, name), Path.Combine(DebianFashion, name));
        var images = Decompressed(Path.Combine(DebianFashion, "t10k-images-idx3-ubyte.gz"));
        images[16 + 28 * 14 + 14] ^= 0x01; // one grey level of the first test image's centre pixel
        File.WriteAllBytes(Path.Combine(folder, "t10k-images-idx3-ubyte"), images);

        DataFileLocator.Locate(FashionMnist.Definition, From(folder));

        var line = Assert.Single(log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"warning: fashion_mnist in {folder}: the test images in t10k-images-idx3-ubyte differ from the official ones.", line);
    }

    [Fact]
    public void Each_split_names_only_its_own_differing_files_when_it_is_first_read()
    {
        string folder = temp.Combine("two-changed");
        Directory.CreateDirectory(folder);
        foreach (var name in Names(FashionMnist.Definition).Where(n => n is not ("train-labels-idx1-ubyte.gz" or "t10k-images-idx3-ubyte.gz")))
            File.CreateSymbolicLink(Path.Combine(folder, name), Path.Combine(DebianFashion, name));
        var labels = Decompressed(Path.Combine(DebianFashion, "train-labels-idx1-ubyte.gz"));
        labels[8] = (byte)((labels[8] + 1) % 10);
        WriteGzip(Path.Combine(folder, "train-labels-idx1-ubyte.gz"), labels);
        var images = Decompressed(Path.Combine(DebianFashion, "t10k-images-idx3-ubyte.gz"));
        images[16 + 28 * 14 + 14] ^= 0x01;
        WriteGzip(Path.Combine(folder, "t10k-images-idx3-ubyte.gz"), images);

        using (var builder = KerasMnist.Datasets.tfds.builder("fashion_mnist", From(folder)))
        {
            builder.as_dataset("test");
            var first = Assert.Single(log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith($"warning: fashion_mnist in {folder}: the test images in t10k-images-idx3-ubyte.gz differ from the official ones.", first);
            Assert.DoesNotContain("labels", first);

            builder.as_dataset("train[:10%]");
            builder.as_dataset("test[:5]");
        }
        using (var again = KerasMnist.Datasets.tfds.builder("fashion_mnist", From(folder)))
            again.as_dataset("train+test");

        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"warning: fashion_mnist in {folder}: the train labels in train-labels-idx1-ubyte.gz differ from the official ones.", lines[1]);
        Assert.DoesNotContain("images", lines[1]);
    }

    [Fact]
    public void A_folder_of_the_other_dataset_is_recognised_by_its_content_too()
    {
        // Fashion-MNIST uncompressed where MNIST is asked for: no official .gz checksum matches, the contents do.
        string folder = temp.Combine("fashion-raw");
        Directory.CreateDirectory(folder);
        foreach (var file in FashionMnist.Definition.Files)
            File.WriteAllBytes(Path.Combine(folder, file.uncompressed_filename), Decompressed(Path.Combine(DebianFashion, file.filename)));

        var e = Assert.Throws<DatasetException>(() => DataFileLocator.Locate(Mnist.Definition, From(folder)));
        Assert.Contains($"{folder} (data_dir): holds fashion_mnist, not this dataset", e.Message);
    }
}
