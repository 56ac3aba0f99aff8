using KerasMnist.Tests.Fixtures;
using KerasMnist.Plotting;
using Microsoft.Data.Analysis;
using NumSharp;
using SkiaSharp;

namespace KerasMnist.Tests.Plotting;

public sealed class PlotTests : IClassFixture<TempFolder>
{
    private readonly string _dir;

    public PlotTests(TempFolder folder) => _dir = folder.Path;

    // A 28x28 "digit": a bright block in rows 2..9, columns 18..25 (top right), a grey ramp elsewhere in row 20.
    private static NDArray Digit()
    {
        var pixels = new byte[28, 28];
        for (int r = 2; r < 10; r++)
            for (int c = 18; c < 26; c++) pixels[r, c] = 255;
        for (int c = 0; c < 28; c++) pixels[20, c] = (byte)(c * 9);
        return np.array(pixels);
    }

    [Fact]
    public void ImshowDrawsRowZeroAtTheTopWithATitle()
    {
        using var figure = plt.imshow(Digit().reshape(28, 28, 1), "df['image'][0]", cmap: "gray");
        using var png = PngChecks.SaveAndLoad(figure, _dir, "imshow.png", plt.ImageFigureSize, plt.ImageFigureSize);
        var data = PngChecks.DataRect(figure, 0);
        Assert.InRange(Math.Abs(data.Width - data.Height), 0, 2);
        double cell = data.Width / 28.0;
        SKRectI Pixel(int r, int c) => PngChecks.Clip(png, data.Left + (int)((c + 0.3) * cell), data.Top + (int)((r + 0.3) * cell),
            data.Left + (int)((c + 0.7) * cell), data.Top + (int)((r + 0.7) * cell));
        Assert.True(PngChecks.MeanLuminance(png, Pixel(5, 22)) > 240, "bright block should be top right");
        Assert.True(PngChecks.MeanLuminance(png, Pixel(22, 22)) < 15, "bottom right should be black");
        Assert.True(PngChecks.MeanLuminance(png, Pixel(5, 5)) < 15, "top left should be black");
        Assert.True(PngChecks.MeanLuminance(png, Pixel(20, 27)) > PngChecks.MeanLuminance(png, Pixel(20, 3)) + 150, "grey ramp rises to the right");
        Assert.True(PngChecks.DarkPixels(png, PngChecks.Clip(png, 0, 0, png.Width, data.Top - 2)) > 100, "title text missing");
        Assert.True(PngChecks.DarkPixels(png, PngChecks.Clip(png, 0, data.Top, data.Left - 3, data.Bottom)) > 50, "row numbers missing");
    }

    [Fact]
    public void ImshowDefaultsToMatplotlibsViridisAsTheNotebooksCallsDo()
    {
        // plt.imshow(df['image'][0].reshape((28, 28))) has no cmap: matplotlib draws the lowest value viridis's dark
        // purple (#440154) and the highest its yellow (#fde725), not black and white.
        using var figure = plt.imshow(Digit());
        using var png = PngChecks.SaveAndLoad(figure, _dir, "viridis.png", plt.ImageFigureSize, plt.ImageFigureSize);
        var data = PngChecks.DataRect(figure, 0);
        double cell = data.Width / 28.0;
        SKColor Centre(int r, int c) => png.GetPixel(data.Left + (int)((c + 0.5) * cell), data.Top + (int)((r + 0.5) * cell));
        static void Near(SKColor expected, SKColor actual) =>
            Assert.True(Math.Abs(expected.Red - actual.Red) + Math.Abs(expected.Green - actual.Green) + Math.Abs(expected.Blue - actual.Blue) < 30,
                $"expected about {expected}, got {actual}");
        Near(new SKColor(0x44, 0x01, 0x54), Centre(5, 5));    // background, value 0
        Near(new SKColor(0xfd, 0xe7, 0x25), Centre(5, 22));   // the bright block, value 255
    }

    [Fact]
    public void ImshowShrinksALongTitleToFitTheFigure()
    {
        // The analyze stage's title for a Fashion-MNIST image: both class names with their probabilities.
        const string title = "echt: Ankle boot (p=0,0012) · vorhergesagt: Sneaker (p=0,9981)";
        using var named = plt.imshow(Digit(), title);
        using var png = PngChecks.SaveAndLoad(named, _dir, "lowest.png", plt.ImageFigureSize, plt.ImageFigureSize);
        Assert.Equal(title, named.axes[0].Axes.Title.Label.Text);
        // The long title is shrunk to fit: no title pixels in the outermost columns.
        var data = PngChecks.DataRect(named, 0);
        Assert.Equal(0, PngChecks.DarkPixels(png, PngChecks.Clip(png, png.Width - 4, 0, png.Width, data.Top - 2)));
        Assert.True(PngChecks.DarkPixels(png, PngChecks.Clip(png, 0, 0, png.Width, data.Top - 2)) > 200);
    }

    [Fact]
    public void ImshowRejectsFlatImagesAndUnknownColormaps()
    {
        Assert.Contains("reshape", Assert.Throws<ArgumentException>(() => plt.imshow(np.zeros(new Shape(784), NPTypeCode.Byte))).Message);
        Assert.Contains("supported: gray, viridis", Assert.Throws<ArgumentException>(() => plt.imshow(Digit(), cmap: "jet")).Message);
    }

    [Fact]
    public void CountplotDrawsOneBarPerClassWithHeightsProportionalToCounts()
    {
        // Class i appears i+1 times (i = 0..9), read from a DataFrame column as in sns.countplot(data=df, x='label').
        var labels = Enumerable.Range(0, 10).SelectMany(i => Enumerable.Repeat((long)i, i + 1)).ToArray();
        var df = new DataFrame(new Int64DataFrameColumn("label", labels));
        using var figure = sns.countplot(df, "label");
        using var png = PngChecks.SaveAndLoad(figure, _dir, "countplot.png", CountPlot.Width, CountPlot.Height);
        var data = PngChecks.DataRect(figure, 0);
        var heights = new int[10];
        for (int i = 0; i < 10; i++)
        {
            // Bars sit at x = 0..9 in a data range of -0.6..9.6; measure the blue column in the bar's middle.
            int x = data.Left + (int)((i + 0.6) / 10.2 * data.Width);
            for (int y = data.Top; y < data.Bottom; y++)
            {
                var p = png.GetPixel(x, y);
                if (p.Blue > 150 && p.Red < 80) heights[i]++;
            }
        }
        for (int i = 0; i < 10; i++)
            Assert.InRange(heights[i] / (double)heights[9], (i + 1) / 10.0 - 0.02, (i + 1) / 10.0 + 0.02);
        Assert.True(PngChecks.DarkPixels(png, PngChecks.Clip(png, data.Left, data.Bottom + 3, data.Right, png.Height)) > 200, "class names / x label missing");
    }

    [Fact]
    public void CountplotWithClassNamesShowsEmptyClassesToo()
    {
        using var figure = sns.countplot(new long[] { 0, 0, 2 }, class_names: ["zero", "one", "two"]);
        figure.ToPng(); // ticks are generated while rendering
        var ticks = figure.axes[0].Axes.Bottom.TickGenerator.Ticks.Select(t => t.Label).ToArray();
        Assert.Equal(["zero", "one", "two"], ticks);
        Assert.Contains("Label 3 has no name",
            Assert.Throws<ArgumentException>(() => sns.countplot(new long[] { 3 }, class_names: ["a", "b"])).Message);
        Assert.Contains("'label'",
            Assert.Throws<ArgumentException>(() => sns.countplot(new DataFrame(new Int64DataFrameColumn("label", [1L])), "labels")).Message);
    }

    [Fact]
    public void HeatmapColoursFollowCountsWithRowZeroAtTheTopAndReadableNumbers()
    {
        // A 3x3 "confusion matrix": big diagonal, and the largest off-diagonal count in row 0, column 2.
        var cm = np.array(new long[,] { { 900, 0, 300 }, { 5, 1000, 0 }, { 0, 60, 700 } });
        using var figure = sns.heatmap(cm, annot: true, cmap: "YlGnBu");
        using var png = PngChecks.SaveAndLoad(figure, _dir, "heatmap.png", HeatmapPlot.Size, HeatmapPlot.Size);
        var data = PngChecks.DataRect(figure, 0);
        Assert.InRange(Math.Abs(data.Width - data.Height), 0, 2);
        double cell = data.Width / 3.0;
        // Sample each cell near its top-left corner, away from the number in its centre.
        SKColor Corner(int r, int c) => png.GetPixel(data.Left + (int)((c + 0.12) * cell), data.Top + (int)((r + 0.12) * cell));
        var luminance = new double[3, 3];
        for (int r = 0; r < 3; r++)
            for (int c = 0; c < 3; c++) luminance[r, c] = PngChecks.Luminance(Corner(r, c));
        // YlGnBu: more counts → darker. Order of the counts: 1000 > 900 > 700 > 300 > 60 > 5 > 0.
        double[] ordered = [luminance[1, 1], luminance[0, 0], luminance[2, 2], luminance[0, 2], luminance[2, 1], luminance[1, 0], luminance[0, 1]];
        for (int i = 1; i < ordered.Length; i++) Assert.True(ordered[i] > ordered[i - 1], $"cell colours do not follow the counts: {string.Join(", ", ordered)}");
        Assert.True(luminance[0, 1] > 230 && luminance[1, 1] < 60, "0 should be near-white, the maximum dark navy");

        // Numbers: white on the dark diagonal, dark on the pale zero cells.
        SKRectI Centre(int r, int c) => PngChecks.Clip(png, data.Left + (int)((c + 0.3) * cell), data.Top + (int)((r + 0.4) * cell),
            data.Left + (int)((c + 0.7) * cell), data.Top + (int)((r + 0.6) * cell));
        Assert.True(PngChecks.BrightPixels(png, Centre(1, 1), 230) > 30, "no white number on the dark cell");
        Assert.True(PngChecks.DarkPixels(png, Centre(0, 1), 100) > 10, "no dark number on the pale cell");

        // Colour bar to the right of the cells: dark at the top, pale at the bottom.
        var bar = figure.axes[0].GetPlottables<ScottPlot.Plottables.Heatmap>().Single();
        Assert.Equal(new ScottPlot.Range(0, 1000), bar.ManualRange);
        var strip = Enumerable.Range(data.Right + 5, 60).Select(x => png.GetPixel(x, data.Top + 10)).Where(p => p.Blue > 60 && p.Red < 60).ToList();
        Assert.True(strip.Count > 5, "colour bar missing");
        Assert.True(PngChecks.DarkPixels(png, PngChecks.Clip(png, data.Left, data.Bottom + 3, data.Right, png.Height)) > 200, "tick labels / 'Predicted label' missing");
    }

    [Fact]
    public void HeatmapTickLabelsUseClassNamesInRowOrder()
    {
        var cm = np.array(new long[,] { { 1, 2 }, { 3, 4 } });
        using var figure = sns.heatmap(cm, xticklabels: ["cat", "dog"], yticklabels: ["cat", "dog"]);
        figure.ToPng(); // ticks are generated while rendering
        var plot = figure.axes[0];
        var y = plot.Axes.Left.TickGenerator.Ticks.OrderByDescending(t => t.Position).Select(t => t.Label).ToArray();
        Assert.Equal(["cat", "dog"], y); // top row first
        Assert.Equal("Predicted label", plot.Axes.Bottom.Label.Text);
        Assert.Equal("True label", plot.Axes.Left.Label.Text);
        var texts = plot.GetPlottables<ScottPlot.Plottables.Text>().ToDictionary(t => (t.Location.X, t.Location.Y), t => t.LabelText);
        Assert.Equal("1", texts[(0, 1)]); // cm[0, 0] at the top left
        Assert.Equal("4", texts[(1, 0)]); // cm[1, 1] at the bottom right
        Assert.Contains("3 names", Assert.Throws<ArgumentException>(() => sns.heatmap(cm, xticklabels: ["a", "b", "c"])).Message);
    }

    [Fact]
    public void HistoryDrawsLossAndAccuracyPanelsWithTrainingAndValidationCurves()
    {
        var history = new Dictionary<string, List<double>>
        {
            ["loss"] = [0.35, 0.16, 0.11, 0.08],
            ["sparse_categorical_accuracy"] = [0.90, 0.95, 0.967, 0.976],
            ["val_loss"] = [0.18, 0.13, 0.11, 0.10],
            ["val_sparse_categorical_accuracy"] = [0.946, 0.961, 0.968, 0.971],
        };
        using var figure = plt.plot_history(history, "Dense");
        using var png = PngChecks.SaveAndLoad(figure, _dir, "history.png", 2 * HistoryPlot.PanelWidth, HistoryPlot.PanelHeight + HistoryPlot.TitleBand);
        Assert.Equal(3, figure.axes.Count); // title band + two panels
        Assert.Equal(["loss", "sparse_categorical_accuracy"], figure.axes.Skip(1).Select(p => p.Axes.Title.Label.Text));
        foreach (var panel in new[] { 1, 2 })
        {
            var data = PngChecks.DataRect(figure, panel);
            Assert.True(data.Left >= (panel - 1) * HistoryPlot.PanelWidth && data.Right <= panel * HistoryPlot.PanelWidth);
            var region = new SKRectI(data.Left, data.Top, data.Right, data.Bottom);
            int blue = 0, orange = 0;
            for (int y = region.Top; y < region.Bottom; y++)
                for (int x = region.Left; x < region.Right; x++)
                {
                    var p = png.GetPixel(x, y);
                    if (p.Blue > 150 && p.Red < 60 && p.Green > 90 && p.Green < 150) blue++;
                    if (p.Red > 230 && p.Green > 100 && p.Green < 150 && p.Blue < 40) orange++;
                }
            Assert.True(blue > 500 && orange > 300, $"panel {panel}: training {blue} px, validation {orange} px");
        }
        Assert.True(PngChecks.DarkPixels(png, PngChecks.Clip(png, 0, 0, png.Width, HistoryPlot.TitleBand)) > 100, "figure title missing");
    }

    [Fact]
    public void HistoryOfOneEpochShowsMarkersAndRejectsRaggedInput()
    {
        var history = new Dictionary<string, List<double>> { ["loss"] = [0.3], ["val_loss"] = [0.2] };
        using var figure = plt.plot_history(history);
        using var png = PngChecks.SaveAndLoad(figure, _dir, "history-1.png", HistoryPlot.PanelWidth, HistoryPlot.PanelHeight);
        var data = PngChecks.DataRect(figure, 0);
        int blue = 0;
        for (int y = data.Top; y < data.Bottom; y++)
            for (int x = data.Left; x < data.Right; x++)
            {
                var p = png.GetPixel(x, y);
                if (p.Blue > 150 && p.Red < 60) blue++;
            }
        Assert.True(blue > 40, $"the single training point is not visible ({blue} px)");

        Assert.Contains("every entry needs one value per epoch",
            Assert.Throws<ArgumentException>(() => plt.plot_history(new Dictionary<string, List<double>> { ["loss"] = [1, 2], ["val_loss"] = [1] })).Message);
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => plt.plot_history(new Dictionary<string, List<double>>())).Message);
    }

    [Fact]
    public void SavefigWritesPngOnlyAndCreatesFolders()
    {
        using var figure = plt.imshow(Digit());
        var nested = Path.Combine(_dir, "a", "b", "digit.png");
        figure.savefig(nested);
        Assert.True(File.Exists(nested));
        Assert.Equal([nested], Directory.GetFiles(Path.GetDirectoryName(nested)!)); // no temporary file left beside it
        var jpg = Path.Combine(_dir, "digit.jpg");
        Assert.Contains("PNG files only", Assert.Throws<ArgumentException>(() => figure.savefig(jpg)).Message);
        Assert.False(File.Exists(jpg));
    }

    [Fact]
    public void StyleUsesDejaVuSans()
    {
        FigureStyle.EnsureFonts();
        Assert.Equal("DejaVu Sans", ScottPlot.Fonts.Default);
        using var figure = plt.imshow(Digit(), "x");
        Assert.Equal("DejaVu Sans", figure.axes[0].Axes.Title.Label.FontName);
        Assert.Equal(FigureStyle.TickSize, figure.axes[0].Axes.Bottom.TickLabelStyle.FontSize);
    }
}
