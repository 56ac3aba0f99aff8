using KerasMnist.Datasets.Builders;
using KerasMnist.Datasets.Core;
using KerasMnist.Tests.Fixtures;

namespace KerasMnist.Tests.Datasets.Builders;

public sealed class IdxReaderTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string WriteGz(string name, byte[] idx) => IdxFiles.Write(temp.Path, name, IdxFiles.Gzip(idx));

    private static void AssertFails(Action read, string path, params string[] expected)
    {
        var e = Assert.Throws<DatasetException>(read);
        Assert.StartsWith(path, e.Message);
        Assert.Equal(path, e.path);
        foreach (var text in expected)
            Assert.Contains(text, e.Message);
    }

    [Fact]
    public void ReadsValidGzipAndUncompressedFilesToTheSameBytes()
    {
        var idx = IdxFiles.Images(3);
        var fromGz = IdxReader.ReadImages(WriteGz("a-images.gz", idx));
        var fromRaw = IdxReader.ReadImages(IdxFiles.Write(temp.Path, "a-images", idx));
        Assert.Equal((3, 28, 28), (fromGz.count, fromGz.rows, fromGz.cols));
        Assert.Equal(idx[16..], fromGz.pixels);
        Assert.Equal(fromGz.pixels, fromRaw.pixels);

        var labels = IdxReader.ReadLabels(WriteGz("a-labels.gz", IdxFiles.Labels([0, 9, 4])), numClasses: 10);
        Assert.Equal(new byte[] { 0, 9, 4 }, labels.labels);
    }

    [Fact]
    public void BadMagicNumbersNameTheFileAndSuspectSwappedNames()
    {
        string labelsAsImages = WriteGz("images.gz", IdxFiles.Labels([1, 2]));
        AssertFails(() => IdxReader.ReadImages(labelsAsImages), labelsAsImages, "magic number 2049", "2051", "swapped");

        string imagesAsLabels = WriteGz("labels.gz", IdxFiles.Images(2));
        AssertFails(() => IdxReader.ReadLabels(imagesAsLabels, 10), imagesAsLabels, "magic number 2051", "2049", "swapped");

        string garbage = WriteGz("garbage.gz", IdxFiles.Images(2, magic: 0x12345678));
        AssertFails(() => IdxReader.ReadImages(garbage), garbage, "magic number", "not an MNIST-style IDX file");
    }

    [Fact]
    public void WrongImageSizeIsRejected()
    {
        string path = WriteGz("big.gz", IdxFiles.Images(2, rows: 32, cols: 32));
        AssertFails(() => IdxReader.ReadImages(path), path, "32x32", "expected 28x28");
    }

    [Fact]
    public void LabelsOutsideTheClassRangeAreRejectedWithTheirIndex()
    {
        string path = WriteGz("labels.gz", IdxFiles.Labels([3, 9, 10, 2]));
        AssertFails(() => IdxReader.ReadLabels(path, numClasses: 10), path, "label 10 at index 2", "0..9");
    }

    [Fact]
    public void HeadersAnnouncingMoreThanTheFileHoldsAreTruncation()
    {
        string gz = WriteGz("short.gz", IdxFiles.Images(2, announced: 3));
        AssertFails(() => IdxReader.ReadImages(gz), gz, "truncated", "the 3 images");
        string raw = IdxFiles.Write(temp.Path, "short-labels", IdxFiles.Labels([1, 2], announced: 5));
        AssertFails(() => IdxReader.ReadLabels(raw, 10), raw, "truncated", "the 5 labels");
    }

    [Fact]
    public void HeadersAnnouncingFewerThanTheFileHoldsAreRejected()
    {
        string path = WriteGz("long.gz", IdxFiles.Images(3, announced: 2));
        AssertFails(() => IdxReader.ReadImages(path), path, "784 unexpected bytes follow the 2 images");
    }

    [Fact]
    public void ImpossibleCountsAreRejectedBeforeAllocating()
    {
        string path = WriteGz("huge.gz", IdxFiles.Images(1, announced: int.MaxValue));
        AssertFails(() => IdxReader.ReadImages(path), path, $"announces {int.MaxValue} images", "damaged");
    }

    [Fact]
    public void TruncatedGzipIsDetectedThoughGZipStreamIgnoresIt()
    {
        var gz = IdxFiles.Gzip(IdxFiles.Images(50));
        // Cut inside the compressed data: decompression ends early, before the announced images.
        string half = IdxFiles.Write(temp.Path, "half.gz", gz[..(gz.Length / 2)]);
        AssertFails(() => IdxReader.ReadImages(half), half, "truncated");
        // Cut only the 8-byte trailer: every image decompresses, the integrity check catches it.
        string noTrailer = IdxFiles.Write(temp.Path, "notrailer.gz", gz[..^4]);
        AssertFails(() => IdxReader.ReadImages(noTrailer), noTrailer, "gzip integrity check failed", "truncated or damaged");
    }

    [Fact]
    public void DamagedGzipIsRejected()
    {
        var gz = IdxFiles.Gzip(IdxFiles.Labels([.. Enumerable.Range(0, 500).Select(i => (byte)(i % 10))]));
        var badCrc = (byte[])gz.Clone();
        badCrc[^6] ^= 0xff;
        string crcPath = IdxFiles.Write(temp.Path, "crc.gz", badCrc);
        AssertFails(() => IdxReader.ReadLabels(crcPath, 10), crcPath, "damaged gzip data");

        string notGzip = IdxFiles.Write(temp.Path, "plain.gz", IdxFiles.Labels([1, 2, 3]));
        AssertFails(() => IdxReader.ReadLabels(notGzip, 10), notGzip, "not a gzip file", "rename it to plain");
    }

    [Fact]
    public void MissingFilesNameTheFile()
    {
        string path = temp.Combine("nothing.gz");
        AssertFails(() => IdxReader.ReadImages(path), path, "cannot be read");
    }
}
