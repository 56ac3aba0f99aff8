using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using KerasMnist.Datasets;
using KerasMnist.Plotting;
using KerasMnist.Tfds;
using Microsoft.Data.Analysis;
using Microsoft.ML.Data;

namespace KerasMnist.Tests.Tfds;

public sealed class AsDataFrameTests
{
    private static byte[] Image(byte fill, byte corner)
    {
        var pixels = Enumerable.Repeat(fill, 784).ToArray();
        pixels[0] = corner;
        return pixels;
    }

    [Fact]
    public void OneRowPerExampleWithImageVectorAndInt64Label()
    {
        var images = new[] { Image(0, 255), Image(10, 10), Image(1, 0) };
        var df = StyledDataFrame.FromExamples(images, [7, 2, 1], ShowExamplesTests.Info());
        Assert.Equal(3, df.Rows.Count);
        Assert.Equal(["image", "label"], df.Columns.Select(c => c.Name));
        Assert.IsType<VBufferDataFrameColumn<byte>>(df["image"]);
        Assert.IsType<Int64DataFrameColumn>(df["label"]);
        var first = (VBuffer<byte>)df["image"][0];
        Assert.Equal(784, first.Length);
        Assert.Equal(255, first.GetItemOrDefault(0));
        Assert.Equal(2L, df["label"][1]);
    }

    [Fact]
    public void HeadPrintsAnAlignedPandasTableWithIntegerLabels()
    {
        string[] fashion = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];
        var images = Enumerable.Range(0, 7).Select(i => Image((byte)i, 0)).ToArray();
        var df = StyledDataFrame.FromExamples(images, [9, 0, 7, 1, 2, 3, 4], ShowExamplesTests.Info(fashion));
        var head = df.head();
        Assert.Equal(5, head.Rows.Count);
        // Mean of image i: 783·i / 784, printed with one decimal.
        Assert.Equal(PandasLayout(
            ["image", "label"],
            [
                // pandas prints the label column's integers; "9 (Ankle boot)" is tfds's HTML rendering only.
                ["uint8 (28, 28, 1) min=0 max=0 mean=0.0", "9"],
                ["uint8 (28, 28, 1) min=0 max=1 mean=1.0", "0"],
                ["uint8 (28, 28, 1) min=0 max=2 mean=2.0", "7"],
                ["uint8 (28, 28, 1) min=0 max=3 mean=3.0", "1"],
                ["uint8 (28, 28, 1) min=0 max=4 mean=4.0", "2"],
            ]), head.ToString());
    }

    [Fact]
    public void HeadLayoutCharacterByCharacter()
    {
        var df = StyledDataFrame.FromExamples([Image(0, 255), Image(100, 7)], [5, 0], ShowExamplesTests.Info());
        // Written out by hand: index column left-aligned, then two spaces, cells right-aligned to the widest entry.
        const string expected =
            "                                       image  label\n" +
            "0   uint8 (28, 28, 1) min=0 max=255 mean=0.3      5\n" +
            "1  uint8 (28, 28, 1) min=7 max=100 mean=99.9      0";
        Assert.Equal(expected.Split('\n')[0].Length, expected.Split('\n')[2].Length);
        Assert.Equal(expected, df.head().ToString());
    }

    [Fact]
    public void LongFramesShowFirstAndLastFiveRowsAndTheSize()
    {
        var images = Enumerable.Range(0, 100).Select(_ => new byte[4]).ToArray();
        var labels = Enumerable.Range(0, 100).Select(i => (long)(i % 10)).ToArray();
        var lines = StyledDataFrame.FromExamples(images, labels).ToString().Split('\n');
        Assert.Equal(14, lines.Length); // header, 5 rows, "...", 5 rows, blank, footer
        Assert.StartsWith("0 ", lines[1]);
        // pandas 1.5: ".." in the index (2 wide here), "..." in the wider columns, each aligned as its column.
        Assert.Equal("..  " + "...".PadLeft(lines[1].Length - 4 - 7) + "    ...", lines[6]);
        Assert.StartsWith("99", lines[11]);
        Assert.Equal("[100 rows x 2 columns]", lines[13]);
        // Without a DatasetInfo the shape is the flat vector length and labels are plain ids.
        Assert.EndsWith("uint8 (4,) min=0 max=0 mean=0.0      0", lines[1]);
    }

    [Fact]
    public void AnIndexWiderThanThreeGetsThreeDots()
    {
        var images = Enumerable.Range(0, 1005).Select(_ => new byte[4]).ToArray();
        var lines = StyledDataFrame.FromExamples(images, new long[1005]).ToString().Split('\n');
        Assert.StartsWith("...   ", lines[6]); // the index is 4 wide ("1004")
        Assert.StartsWith("1004", lines[11]);
    }

    [Fact]
    public void FortyTwoThousandRowsAreTwoColumnsThatWrapThePixelsAndPrintOnlyTheRowsShown()
    {
        var random = new Random(3);
        var images = Enumerable.Range(0, 42_000).Select(_ => { var b = new byte[784]; random.NextBytes(b); return b; }).ToArray();
        var labels = Enumerable.Range(0, 42_000).Select(i => (long)(i % 10)).ToArray();
        StyledDataFrame.FromExamples(images.Take(10).ToArray(), labels.Take(10).ToArray(), ShowExamplesTests.Info()).head().ToString(); // JIT
        long before = GC.GetAllocatedBytesForCurrentThread();
        var df = StyledDataFrame.FromExamples(images, labels, ShowExamplesTests.Info());
        long building = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        var text = df.head().ToString() + df.ToString();
        long printing = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(42_000, df.Rows.Count);
        Assert.Equal(["image", "label"], df.Columns.Select(c => c.Name));
        Assert.Contains("[42000 rows x 2 columns]", text);
        // One cell per image, wrapping its array: the wide layout (a byte column per pixel) copied every pixel and took
        // over a second. Building allocates the cells, a small fraction of the 33 MB of pixels.
        var first = (VBuffer<byte>)df["image"][0];
        Assert.True(Unsafe.AreSame(ref MemoryMarshal.GetReference(first.GetValues()), ref images[0][0]), "the first image was copied");
        Assert.True(building < 42_000 * 784 / 4, $"building allocated {building:N0} bytes");
        // pandas' repr shows ten of the 42,000 rows; formatting every row would allocate megabytes.
        Assert.True(printing < 1 << 20, $"printing allocated {printing:N0} bytes");
    }

    [Fact]
    public void DatasetOverloadReadsUnbatchedAndBatchedElements()
    {
        var images = Enumerable.Range(0, 5).Select(i => Image((byte)i, 9)).ToArray();
        long[] labels = [3, 1, 4, 1, 5];
        foreach (var batched in new[] { false, true })
        {
            var ds = ShowExamplesTests.Slices(images, labels);
            var df = tfds.as_dataframe(batched ? ds.batch(2) : ds, ShowExamplesTests.Info());
            Assert.Equal(5, df.Rows.Count);
            Assert.Equal(labels, Enumerable.Range(0, 5).Select(i => (long)df["label"][i]!));
            for (int i = 0; i < 5; i++) Assert.Equal(images[i], ((VBuffer<byte>)df["image"][i]).DenseValues());
        }
    }

    [Fact]
    public void MismatchedArraysAreRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => StyledDataFrame.FromExamples([new byte[784]], [1, 2]));
        Assert.Contains("1 images but 2 labels", error.Message);
    }

    // pandas' to_string layout, stated independently of the implementation.
    private static string PandasLayout(string[] headers, string[][] rows)
    {
        var widths = headers.Select((h, j) => Math.Max(h.Length, rows.Max(r => r[j].Length))).ToArray();
        int indexWidth = (rows.Length - 1).ToString().Length;
        var lines = new List<string> { new string(' ', indexWidth) + string.Concat(headers.Select((h, j) => "  " + h.PadLeft(widths[j]))) };
        lines.AddRange(rows.Select((r, i) => i.ToString().PadRight(indexWidth) + string.Concat(r.Select((c, j) => "  " + c.PadLeft(widths[j])))));
        return string.Join('\n', lines);
    }
}
