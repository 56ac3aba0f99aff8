using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Security.Cryptography;
using KerasMnist.Datasets.Core;

namespace KerasMnist.Datasets.Builders;

/// <summary>
/// Reads a data file front to back, gzip-compressed (<c>*.gz</c>) or not, and proves it complete: a read past
/// the end is reported as truncation, and for gzip the CRC-32 and length of everything decompressed are checked
/// against the gzip trailer. That check matters because .NET's <see cref="GZipStream"/> stops silently at the end
/// of a truncated file instead of failing.
/// </summary>
/// <remarks>Expects a single-member gzip file, as the original releases and Debian's packages are.</remarks>
internal sealed class DataFileReader : IDisposable
{
    private const int GzipTrailerLength = 8;
    private readonly Stream stream;
    private readonly Crc32? crc;
    private readonly uint trailerCrc;
    private readonly uint trailerLength;
    private long position;

    private DataFileReader(string path, Stream stream, Crc32? crc, uint trailerCrc, uint trailerLength)
    {
        Path = path;
        this.stream = stream;
        this.crc = crc;
        this.trailerCrc = trailerCrc;
        this.trailerLength = trailerLength;
    }

    /// <summary>The file being read, for messages.</summary>
    public string Path { get; }

    /// <summary>Opens <paramref name="path"/>; a name ending in <c>.gz</c> is decompressed.</summary>
    /// <exception cref="DatasetException">The file cannot be read, or a <c>.gz</c> file is no gzip file.</exception>
    public static DataFileReader Open(string path)
    {
        if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            return new DataFileReader(path, OpenOrThrow(path, p => new FileStream(p, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20)), null, 0, 0);

        // The compressed file is small enough to hold whole, and the trailer must be read before decompressing.
        byte[] compressed = OpenOrThrow(path, File.ReadAllBytes);
        if (compressed.Length < 18 || compressed[0] != 0x1f || compressed[1] != 0x8b)
            throw new DatasetException(
                $"{path}: not a gzip file (it does not start with the gzip signature 1f 8b). If it is an uncompressed " +
                $"IDX file, rename it to {System.IO.Path.GetFileNameWithoutExtension(path)}; otherwise replace it with the official file.", path);
        var trailer = compressed.AsSpan(compressed.Length - GzipTrailerLength);
        return new DataFileReader(path, new GZipStream(new MemoryStream(compressed, writable: false), CompressionMode.Decompress),
            new Crc32(), BinaryPrimitives.ReadUInt32LittleEndian(trailer), BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]));
    }

    /// <summary>
    /// The lower-case hex sha256 of what <paramref name="path"/> holds, decompressed when its name ends in <c>.gz</c>:
    /// the same for the official file, a re-compressed copy of it and its uncompressed form. Null when the file cannot
    /// be read completely (truncated, damaged, unreadable); reading it for real then reports why, naming the file.
    /// </summary>
    public static string? TryContentSha256(string path)
    {
        try
        {
            using var reader = Open(path);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[1 << 20];
            for (int n; (n = reader.Read(buffer)) > 0;)
                hash.AppendData(buffer, 0, n);
            reader.ExpectEnd("its data");
            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        catch (DatasetException)
        {
            return null;
        }
    }

    /// <summary>Fills <paramref name="buffer"/> completely.</summary>
    /// <param name="buffer">Where the bytes go.</param>
    /// <param name="what">What the bytes are, for the truncation message (e.g. "the 60000 images").</param>
    /// <exception cref="DatasetException">The file ends first (truncated) or its compressed data is damaged.</exception>
    public void ReadExactly(Span<byte> buffer, string what)
    {
        int filled = 0;
        while (filled < buffer.Length)
        {
            int n = Read(buffer[filled..]);
            if (n == 0)
                throw new DatasetException(
                    $"{Path}: truncated: the data ends after {position} bytes, {buffer.Length - filled} bytes short of the end of {what}. " +
                    "Replace the file with a complete copy (delete it to have it downloaded again).", Path);
            filled += n;
        }
    }

    /// <summary>Checks that nothing follows the expected content and, for gzip, that the trailer's CRC-32 and length match.</summary>
    /// <param name="what">What was read, for messages.</param>
    /// <exception cref="DatasetException">Extra bytes follow, or the gzip check fails (a truncated or damaged file).</exception>
    public void ExpectEnd(string what)
    {
        long expected = position;
        var scratch = new byte[1 << 16];
        while (Read(scratch) > 0) { }
        if (position != expected)
            throw new DatasetException(
                $"{Path}: {position - expected} unexpected bytes follow {what}; the header announces fewer entries than the file holds. " +
                "The file is damaged or not the official one.", Path);
        if (crc is null)
            return;
        uint actualCrc = crc.GetCurrentHashAsUInt32();
        if (actualCrc != trailerCrc || (uint)position != trailerLength)
            throw new DatasetException(
                $"{Path}: gzip integrity check failed: the decompressed data has CRC-32 {actualCrc:x8} and {position} bytes, " +
                $"the gzip trailer records {trailerCrc:x8} and {trailerLength} bytes (mod 2^32). The file is truncated or damaged; " +
                "replace it (delete it to have it downloaded again).", Path);
    }

    private int Read(Span<byte> buffer)
    {
        int n;
        try
        {
            n = stream.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            throw new DatasetException(
                $"{Path}: damaged gzip data after {position} decompressed bytes ({e.Message}). " +
                "Replace the file (delete it to have it downloaded again).", Path, e);
        }
        crc?.Append(buffer[..n]);
        position += n;
        return n;
    }

    private static T OpenOrThrow<T>(string path, Func<string, T> open)
    {
        try
        {
            return open(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatasetException($"{path}: cannot be read: {e.Message}", path, e);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => stream.Dispose();
}
