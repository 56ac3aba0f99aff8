using KerasMnist.Datasets;
using KerasMnist.Plotting;
using KerasMnist.Tests.Fixtures;
using KerasMnist.Tests.Plotting;
using KerasMnist.Tfds;
using TorchSharp;

namespace KerasMnist.Tests.Tfds;

/// <summary>show_examples and as_dataframe on the notebook's real <c>ds_train</c> (offline MNIST, never downloaded).</summary>
public sealed class RealMnistVisualizationTests(TempFolder folder) : IClassFixture<TempFolder>
{
    [Fact]
    public void ShowExamplesCaptionsTheFirstNineTrainingDigits()
    {
        _ = SharedMnist.Folder; // fails with the fix when KERASMNIST_DATA_DIR is not set
        var (ds_train, ds_info) = tfds.load("mnist", "train[:70%]", with_info: true, download: false);
        using var figure = tfds.visualization.show_examples(ds_train, ds_info);
        using var png = PngChecks.SaveAndLoad(figure, folder.Path, "mnist-examples.png", 900, 900);
        // The first nine labels of MNIST's training file.
        string[] expected = ["5 (5)", "0 (0)", "4 (4)", "1 (1)", "9 (9)", "2 (2)", "1 (1)", "3 (3)", "1 (1)"];
        Assert.Equal(expected, figure.axes.Select(p => p.Axes.Bottom.Label.Text));
        for (int i = 0; i < 9; i++)
        {
            var data = PngChecks.DataRect(figure, i);
            // A digit is mostly black background with some white ink.
            var inner = PngChecks.Clip(png, data.Left + 2, data.Top + 2, data.Right - 2, data.Bottom - 2);
            Assert.InRange(PngChecks.MeanLuminance(png, inner), 10, 120);
            Assert.True(PngChecks.BrightPixels(png, inner, 240) > 300, $"cell {i} shows no ink");
        }
    }

    [Fact]
    public void AsDataFrameHoldsAll42000TrainingExamplesCopiedBatchByBatch()
    {
        _ = SharedMnist.Folder;
        var (ds_train, ds_info) = tfds.load("mnist", "train[:70%]", with_info: true, download: false);
        tfds.as_dataframe(ds_train.take(10), ds_info); // JIT
        var tensors = DisposeScopeManager.Statistics.TensorStatistics;
        long before = tensors.CreatedInScopeCount + tensors.CreatedOutsideScopeCount;
        var df = tfds.as_dataframe(ds_train, ds_info);
        long created = tensors.CreatedInScopeCount + tensors.CreatedOutsideScopeCount - before;

        Assert.Equal(42_000, df.Rows.Count);
        var lines = df.head().ToString().Split('\n');
        Assert.Equal(["  5", "  0", "  4", "  1", "  9"], lines.Skip(1).Select(l => l[^3..])); // pandas prints the integers
        Assert.All(lines.Skip(1), l => Assert.Contains("uint8 (28, 28, 1) min=0 max=255", l));
        // Copied element by element it made several tensors (native calls) per image and took about 8 s; batch by batch
        // it makes a few per batch of thousands. How fast it is is the benchmark's (tools/KerasMnist.Benchmarks: reading).
        Assert.True(created < 42_000 / 10, $"as_dataframe(ds_train) made {created:N0} tensors for 42,000 images");
    }
}
