using System.Security.Cryptography;

namespace KerasMnist.Datasets.Download;

/// <summary>
/// One official download and its checksum: the counterpart of a line of tfds's <c>url_checksums/*.txt</c>
/// (<c>tfds.core.download.checksums.UrlInfo</c>): file name, size in bytes and sha256.
/// </summary>
/// <param name="filename">The name as in the original release, e.g. <c>train-images-idx3-ubyte.gz</c>.</param>
/// <param name="size">Size in bytes of the official file.</param>
/// <param name="sha256">Lower-case hex sha256 of the official file.</param>
/// <param name="content_sha256">Not in tfds: lower-case hex sha256 of the official file's content, decompressed (the
/// IDX file itself). A copy that was only re-compressed (another gzip level, no file name in its header, as Debian's
/// packages are) or stored uncompressed has another <paramref name="sha256"/> but this one, so it is the official data.
/// Null where no official value is known; such a file can only be compared as a whole.</param>
public sealed record UrlInfo(string filename, long size, string sha256, string? content_sha256 = null)
{
    /// <summary>The name of the same file stored uncompressed (<c>train-images-idx3-ubyte</c>), also accepted in local folders.</summary>
    public string uncompressed_filename =>
        filename.EndsWith(".gz", StringComparison.Ordinal) ? filename[..^3] : filename;

    /// <summary>Computes size and lower-case hex sha256 of a file.</summary>
    public static (long size, string sha256) Measure(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        byte[] hash = SHA256.HashData(stream);
        return (stream.Length, Convert.ToHexStringLower(hash));
    }
}
