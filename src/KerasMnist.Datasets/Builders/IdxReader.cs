using System.Buffers.Binary;
using KerasMnist.Datasets.Core;

namespace KerasMnist.Datasets.Builders;

/// <summary>The images of one IDX image file: <c>count</c> images of <c>rows x cols</c> uint8 pixels, row-major.</summary>
public sealed record IdxImages(string path, int count, int rows, int cols, byte[] pixels);

/// <summary>The labels of one IDX label file, one byte per example.</summary>
public sealed record IdxLabels(string path, byte[] labels)
{
    /// <summary>Number of labels.</summary>
    public int count => labels.Length;
}

/// <summary>
/// Parses MNIST-style IDX files (gzip-compressed or not) as tfds's MNIST builder does (16-byte image header,
/// 8-byte label header), but validating everything the builder takes on trust: magic numbers, image size,
/// exact length, label range and gzip integrity. Every failure is a <see cref="DatasetException"/> naming the file.
/// </summary>
public static class IdxReader
{
    /// <summary>Magic number of an IDX file of unsigned bytes with 3 dimensions (images).</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>Magic number of an IDX file of unsigned bytes with 1 dimension (labels).</summary>
    public const int LabelsMagic = 0x00000801;

    // Far above any MNIST-style file; stops a damaged header from asking for gigabytes.
    private const int MaxCount = 10_000_000;

    /// <summary>Reads an image file; every image must be <paramref name="rows"/> x <paramref name="cols"/>.</summary>
    /// <exception cref="DatasetException">The file is unreadable, damaged, truncated, longer than announced, or not an image file of that size.</exception>
    public static IdxImages ReadImages(string path, int rows = 28, int cols = 28)
    {
        using var reader = DataFileReader.Open(path);
        Span<byte> header = stackalloc byte[16];
        // The magic number first: a label file read as images is too short for the image header.
        reader.ReadExactly(header[..4], "the IDX magic number");
        CheckMagic(path, BinaryPrimitives.ReadInt32BigEndian(header), ImagesMagic, "image");
        reader.ReadExactly(header[4..], "the 16-byte IDX image header");
        int count = BinaryPrimitives.ReadInt32BigEndian(header[4..]);
        int fileRows = BinaryPrimitives.ReadInt32BigEndian(header[8..]);
        int fileCols = BinaryPrimitives.ReadInt32BigEndian(header[12..]);
        if (fileRows != rows || fileCols != cols)
            throw new DatasetException($"{path}: the images are {fileRows}x{fileCols} pixels; expected {rows}x{cols}.", path);
        CheckCount(path, count, "images");
        var pixels = GC.AllocateUninitializedArray<byte>(checked(count * rows * cols));
        reader.ReadExactly(pixels, $"the {count} images the header announces");
        reader.ExpectEnd($"the {count} images");
        return new IdxImages(path, count, rows, cols, pixels);
    }

    /// <summary>Reads a label file; every label must lie in <c>0..numClasses-1</c>.</summary>
    /// <exception cref="DatasetException">The file is unreadable, damaged, truncated, longer than announced, not a label file, or holds a label out of range.</exception>
    public static IdxLabels ReadLabels(string path, int numClasses)
    {
        using var reader = DataFileReader.Open(path);
        Span<byte> header = stackalloc byte[8];
        reader.ReadExactly(header[..4], "the IDX magic number");
        CheckMagic(path, BinaryPrimitives.ReadInt32BigEndian(header), LabelsMagic, "label");
        reader.ReadExactly(header[4..], "the 8-byte IDX label header");
        int count = BinaryPrimitives.ReadInt32BigEndian(header[4..]);
        CheckCount(path, count, "labels");
        var labels = GC.AllocateUninitializedArray<byte>(count);
        reader.ReadExactly(labels, $"the {count} labels the header announces");
        reader.ExpectEnd($"the {count} labels");
        int bad = labels.AsSpan().IndexOfAnyInRange((byte)numClasses, byte.MaxValue);
        if (bad >= 0)
            throw new DatasetException(
                $"{path}: label {labels[bad]} at index {bad} is outside the class range 0..{numClasses - 1}. The file is damaged or belongs to another dataset.", path);
        return new IdxLabels(path, labels);
    }

    private static void CheckMagic(string path, int magic, int expected, string kind)
    {
        if (magic == expected)
            return;
        string hint = (magic, expected) switch
        {
            (LabelsMagic, ImagesMagic) => " It is a label file: are the image and label file names swapped?",
            (ImagesMagic, LabelsMagic) => " It is an image file: are the image and label file names swapped?",
            _ => " It is not an MNIST-style IDX file, or it is damaged.",
        };
        throw new DatasetException($"{path}: IDX magic number {magic} (0x{magic:x8}); an IDX {kind} file starts with {expected} (0x{expected:x8}).{hint}", path);
    }

    private static void CheckCount(string path, int count, string what)
    {
        if (count <= 0 || count > MaxCount)
            throw new DatasetException($"{path}: the header announces {count} {what}, which no valid file holds; the file is damaged.", path);
    }
}
