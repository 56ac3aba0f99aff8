using KerasMnist.Datasets.Builders;
using KerasMnist.Datasets.Core;
using KerasMnist.Datasets.Download;
using KerasMnist.Tests.Fixtures;

namespace KerasMnist.Tests.Datasets.Download;

/// <summary>
/// Real HTTP downloads from a loopback server that serves the offline MNIST copy: <c>/good/</c> as is,
/// <c>/corrupt/</c> with one byte flipped, <c>/truncated/</c> cut in half (chunked, so no length header warns),
/// anything else 404.
/// </summary>
public sealed class DownloadTests : IDisposable
{
    private readonly TempFolder cache = new();
    private readonly StringWriter log = new();
    private readonly LoopbackServer server = new(Serve);
    private readonly IDisposable output;

    // Progress lines and mirror warnings go to the library output, here this test's log.
    public DownloadTests() => output = LibraryOutput.Use(new LibraryOutput(log));

    public void Dispose()
    {
        output.Dispose();
        server.Dispose();
        cache.Dispose();
    }

    private static Reply Serve(string path)
    {
        var parts = path.Trim('/').Split('/');
        string file = Path.Combine(SharedMnist.Folder, parts[^1]);
        if (parts.Length != 2 || !File.Exists(file))
            return new Reply(404, []);
        byte[] bytes = File.ReadAllBytes(file);
        switch (parts[0])
        {
            case "good":
                return new Reply(200, bytes);
            case "corrupt":
                bytes[bytes.Length / 2] ^= 0x01;
                return new Reply(200, bytes);
            case "truncated":
                return new Reply(200, bytes[..(bytes.Length / 2)], Chunked: true);
            default:
                return new Reply(404, []);
        }
    }

    // The official description of a file the offline copy holds byte for byte (see the data README).
    private static UrlInfo Official(string name) => Mnist.Definition.Files.Single(f => f.filename == name);

    private Downloader Downloader(params string[] routes) =>
        new([.. routes.Select(server.Mirror)], TimeSpan.FromSeconds(10));

    [Fact]
    public void AGoodDownloadLandsVerifiedUnderItsFinalName()
    {
        var file = Official("t10k-images-idx3-ubyte.gz");

        string path = Downloader("good").Download(file, cache.Path);

        Assert.Equal(cache.Combine(file.filename), path);
        Assert.Equal(File.ReadAllBytes(SharedMnist.File(file.filename)), File.ReadAllBytes(path));
        Assert.Equal([file.filename], cache.Files()); // no .part left behind
        Assert.Contains($"Downloading t10k-images-idx3-ubyte.gz from {server.BaseUri.Authority} (1.57 MiB)...", log.ToString());
        Assert.Contains($"t10k-images-idx3-ubyte.gz from {server.BaseUri.Authority}: 50%", log.ToString());
    }

    [Theory]
    [InlineData("corrupt", "corrupted: sha256")]
    [InlineData("truncated", "truncated: received 824438 of 1648877 bytes")]
    public void ARejectedDownloadLeavesNothingInTheCache(string route, string reason)
    {
        var file = Official("t10k-images-idx3-ubyte.gz");

        var e = Assert.Throws<DatasetException>(() => Downloader(route).Download(file, cache.Path));

        Assert.Contains($"Could not download {file.filename}", e.Message);
        Assert.Contains($"{server.Mirror(route)}{file.filename}: {reason}", e.Message);
        Assert.Empty(cache.Files());
        Assert.True(Directory.Exists(cache.Path), "a folder that existed before is kept");
    }

    [Fact]
    public void TheRealVerificationRejectsTheOfflineTrainingImagesWhoseBytesDifferFromTheOfficialFile()
    {
        var file = Official("train-images-idx3-ubyte.gz");
        var e = Assert.Throws<DatasetException>(() => Downloader("good").Download(file, cache.Path));
        // The copy is shorter than the official file, so the length header already gives it away.
        Assert.Contains("the server announces 9475657 bytes, the official file has 9912422", e.Message);
        Assert.Empty(cache.Files());
    }

    [Fact]
    public void AFailingMirrorFallsOverToTheNext()
    {
        var file = Official("t10k-labels-idx1-ubyte.gz");

        string path = Downloader("missing", "corrupt", "good").Download(file, cache.Path);

        Assert.Equal([file.filename], cache.Files());
        Assert.Equal(File.ReadAllBytes(SharedMnist.File(file.filename)), File.ReadAllBytes(path));
        string text = log.ToString();
        Assert.Contains($"warning: downloading {server.Mirror("missing")}{file.filename} failed (HTTP 404 Not Found); trying the next mirror.", text);
        Assert.Contains($"warning: downloading {server.Mirror("corrupt")}{file.filename} failed (corrupted: sha256", text);
        Assert.Equal(["/missing/", "/corrupt/", "/good/"], server.Requests.Select(r => r[..(r.IndexOf('/', 1) + 1)]));
    }

    [Fact]
    public void LoadingWithNothingLocalDownloadsAllFilesIntoTheCacheAndReadsThem()
    {
        // The offline training images differ from the official bytes on purpose (see the data README), so this
        // test states the checksum of the file it serves; the three other files keep their official checksums.
        var served = UrlInfo.Measure(SharedMnist.File("train-images-idx3-ubyte.gz"));
        var definition = Mnist.Definition with
        {
            Splits =
            [
                Mnist.Definition.Splits[0] with { Images = new UrlInfo("train-images-idx3-ubyte.gz", served.size, served.sha256) },
                Mnist.Definition.Splits[1],
            ],
        };
        var options = new DataSourceOptions
        {
            CacheRoot = cache.Path,
            UseSystemDirs = false,
            Mirrors = [server.Mirror("missing"), server.Mirror("good")],
        };

        using var builder = new DatasetBuilder(definition, options);
        var (images, labels) = builder.as_tensors("test[:25%]");
        using (images) using (labels)
        {
            Assert.Equal([2500L, 28, 28, 1], images.shape);
            Assert.Equal(cache.Combine("mnist"), builder.info.data_dir);
        }
        Assert.Equal(SharedMnist.FileNames.Select(n => Path.Combine("mnist", n)).Order(), cache.Files());
        Assert.DoesNotContain("warning: using local", log.ToString()); // every file in the cache is verified

        // A second builder finds the cache and downloads nothing.
        int requests = server.Requests.Count;
        using var again = new DatasetBuilder(definition, options);
        again.download_and_prepare();
        Assert.Equal(cache.Combine("mnist"), again.info.data_dir);
        Assert.Equal(requests, server.Requests.Count);
    }
}
