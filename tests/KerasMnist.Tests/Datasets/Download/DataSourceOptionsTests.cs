using KerasMnist.Datasets.Core;
using KerasMnist.Datasets.Download;

namespace KerasMnist.Tests.Datasets.Download;

public class DataSourceOptionsTests
{
    [Fact]
    public void MirrorListsAcceptSpacesCommasAndSemicolonsAndGetATrailingSlash()
    {
        var mirrors = DataSourceOptions.ParseMirrors("http://127.0.0.1:8000/a, https://example.org/b/;http://h/c", "KERASMNIST_MIRRORS");
        Assert.Equal(["http://127.0.0.1:8000/a/", "https://example.org/b/", "http://h/c/"], mirrors!.Select(m => m.ToString()));
        Assert.Equal("http://h/c/train-images-idx3-ubyte.gz", new Uri(mirrors![2], "train-images-idx3-ubyte.gz").ToString());
        Assert.Null(DataSourceOptions.ParseMirrors("  ", "KERASMNIST_MIRRORS"));
    }

    [Theory]
    [InlineData("ftp://host/mnist/")]
    [InlineData("storage.googleapis.com/cvdf-datasets/mnist")]
    public void MirrorsThatAreNotHttpUrlsAreRejectedNamingTheVariable(string entry)
    {
        var e = Assert.Throws<DatasetException>(() => DataSourceOptions.ParseMirrors($"http://ok/ {entry}", "KERASMNIST_MIRRORS"));
        Assert.StartsWith($"KERASMNIST_MIRRORS: '{entry}' is not an http(s) base URL", e.Message);
    }

    [Theory]
    [InlineData("/xdg/cache", "/home/u", "/xdg/cache/kerasmnist")]
    [InlineData(null, "/home/u", "/home/u/.cache/kerasmnist")]
    [InlineData("", "/home/u", "/home/u/.cache/kerasmnist")]
    [InlineData("relative/cache", "/home/u", "/home/u/.cache/kerasmnist")]
    public void TheCacheFollowsTheXdgRule(string? xdg, string home, string expected) =>
        Assert.Equal(expected, CachePaths.XdgRoot(xdg, home));
}
