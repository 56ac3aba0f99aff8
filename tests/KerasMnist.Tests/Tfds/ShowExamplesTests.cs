using KerasMnist.Datasets;
using KerasMnist.Datasets.Core;
using KerasMnist.Datasets.Data;
using KerasMnist.Plotting;
using KerasMnist.Tests.Fixtures;
using KerasMnist.Tests.Plotting;
using KerasMnist.Tfds;
using TorchSharp;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Tfds;

public sealed class ShowExamplesTests : IClassFixture<TempFolder>
{
    private static readonly string[] Digits = Enumerable.Range(0, 10).Select(i => i.ToString()).ToArray();
    private readonly string _dir;

    public ShowExamplesTests(TempFolder folder) => _dir = folder.Path;

    // Image i is black with a white vertical bar in column 2 + 3i, so each cell shows where its image came from.
    private static byte[] BarImage(int i)
    {
        var pixels = new byte[28 * 28];
        for (int r = 0; r < 28; r++) pixels[r * 28 + 2 + 3 * i] = 255;
        return pixels;
    }

    [Fact]
    public void GridShowsTheFirstNineImagesInOrderWithCaptionsBelow()
    {
        var images = Enumerable.Range(0, 8).Select(BarImage).ToList();
        var labels = new long[] { 7, 2, 1, 0, 4, 1, 4, 9 };
        using var figure = tfds.visualization.show_examples(images, labels, Digits);
        using var png = PngChecks.SaveAndLoad(figure, _dir, "grid.png", 900, 900);

        for (int i = 0; i < 9; i++)
        {
            var data = PngChecks.DataRect(figure, i);
            if (i == 8)
            {
                // Only 8 images: the last cell stays empty, as in tfds.
                Assert.Equal(0, PngChecks.DarkPixels(png, PngChecks.Clip(png, i % 3 * 300 + 20, i / 3 * 300 + 20, i % 3 * 300 + 280, i / 3 * 300 + 240)));
                continue;
            }
            Assert.InRange(data.Width, 200, 300);
            Assert.InRange(Math.Abs(data.Width - data.Height), 0, 2); // square pixels
            Assert.True(data.Left >= i % 3 * 300 && data.Right <= (i % 3 + 1) * 300, $"cell {i} is not in grid column {i % 3}");
            Assert.True(data.Top >= i / 3 * 300 && data.Bottom <= (i / 3 + 1) * 300, $"cell {i} is not in grid row {i / 3}");

            // The bright bar sits in pixel column 2 + 3i of the 28 columns; everything else is black.
            double cell = data.Width / 28.0;
            int barX = data.Left + (int)((2 + 3 * i + 0.5) * cell);
            int otherX = data.Left + (int)((2 + 3 * ((i + 4) % 8) + 0.5) * cell);
            Assert.True(PngChecks.MeanLuminance(png, PngChecks.Clip(png, barX - 1, data.Top + 5, barX + 2, data.Bottom - 5)) > 200, $"cell {i}: bar missing");
            Assert.True(PngChecks.MeanLuminance(png, PngChecks.Clip(png, otherX - 1, data.Top + 5, otherX + 2, data.Bottom - 5)) < 30, $"cell {i}: wrong column lit");

            // The caption "7 (7)" is drawn below the image: dark text pixels there (none when fonts are missing).
            var caption = PngChecks.Clip(png, data.Left, data.Bottom + 2, data.Right, data.Bottom + 34);
            Assert.True(PngChecks.DarkPixels(png, caption) > 40, $"cell {i}: no caption text under the image");
        }
    }

    [Fact]
    public void CaptionIsNameThenIdLikeTfds()
    {
        Assert.Equal("7 (7)", ExampleGrid.Caption(7, Digits));
        string[] fashion = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];
        Assert.Equal("Sneaker (7)", ExampleGrid.Caption(7, fashion));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ExampleGrid.Caption(10, Digits));
        Assert.Contains("10 classes", error.Message);
    }

    [Fact]
    public void BadArgumentsAreRejectedWithAReason()
    {
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => tfds.visualization.show_examples([], [], Digits)).Message);
        Assert.Contains("2 images but 1 labels",
            Assert.Throws<ArgumentException>(() => tfds.visualization.show_examples([BarImage(0), BarImage(1)], [1], Digits)).Message);
        Assert.Contains("needs 784",
            Assert.Throws<ArgumentException>(() => tfds.visualization.show_examples([new byte[100]], [1], Digits)).Message);
    }

    [Fact]
    public void DatasetOverloadShowsTheFirstNineUnbatchedExamples()
    {
        var images = Enumerable.Range(0, 12).Select(i => BarImage(i % 8)).ToArray();
        var labels = Enumerable.Range(0, 12).Select(i => (long)(i % 10)).ToArray();
        using var figure = tfds.visualization.show_examples(Slices(images, labels), Info());
        using var png = PngChecks.SaveAndLoad(figure, _dir, "from-dataset.png", 900, 900);
        for (int i = 0; i < 9; i++)
        {
            var data = PngChecks.DataRect(figure, i);
            int barX = data.Left + (int)((2 + 3 * (i % 8) + 0.5) * data.Width / 28.0);
            Assert.True(PngChecks.MeanLuminance(png, PngChecks.Clip(png, barX - 1, data.Top + 5, barX + 2, data.Bottom - 5)) > 200, $"cell {i}");
            Assert.Equal(ExampleGrid.Caption(i, Digits), figure.axes[i].Axes.Bottom.Label.Text);
        }
    }

    [Fact]
    public void DatasetOverloadRejectsBatchedOrConvertedImages()
    {
        var images = new[] { BarImage(0), BarImage(1) };
        Assert.Contains("before .batch",
            Assert.Throws<ArgumentException>(() => tfds.visualization.show_examples(Slices(images, [0, 1]).batch(2), Info())).Message);
        var normalized = Slices(images, [0, 1]).map((x, y) => (x.to_type(ScalarType.Float32) / 255f, y));
        Assert.Contains("uint8", Assert.Throws<ArgumentException>(() => tfds.visualization.show_examples(normalized, Info())).Message);
    }

    /// <summary>A tf.data Dataset of (uint8 (28, 28, 1), int64) elements, as tfds.load returns them.</summary>
    internal static Dataset Slices(IReadOnlyList<byte[]> images, long[] labels)
    {
        using var x = torch.tensor(images.SelectMany(i => i).ToArray(), [images.Count, 28, 28, 1], dtype: ScalarType.Byte);
        using var y = torch.tensor(labels);
        return Dataset.from_tensor_slices(x, y);
    }

    internal static DatasetInfo Info(IReadOnlyList<string>? names = null) => new()
    {
        name = "mnist",
        features = new FeaturesDict { image = new ImageFeature([28, 28, 1], "uint8"), label = new ClassLabel(names ?? Digits) },
        splits = new Dictionary<string, SplitInfo>(),
    };
}
