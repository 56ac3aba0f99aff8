using ScottPlot;
using ScottPlot.Plottables;
using ScottPlot.TickGenerators;

namespace KerasMnist.Plotting;

/// <summary>
/// Draws one single-channel image into a subplot the way matplotlib's <c>imshow</c> does: row 0 at the
/// top, square pixels, intensities scaled from the image's own minimum to its maximum.
/// Shared by <c>show_examples</c> and the tutorial's <c>plt.imshow</c>.
/// </summary>
public static class ImagePanel
{
    /// <summary>Row-major pixels (height·width values, e.g. a flattened (28, 28, 1) uint8 image) as a grid.</summary>
    public static double[,] ToGrid(ReadOnlySpan<byte> pixels, int height, int width)
    {
        CheckSize(pixels.Length, height, width);
        var grid = new double[height, width];
        for (int r = 0, i = 0; r < height; r++)
            for (int c = 0; c < width; c++, i++) grid[r, c] = pixels[i];
        return grid;
    }

    /// <summary>Row-major float pixels (e.g. a normalised image) as a grid.</summary>
    public static double[,] ToGrid(ReadOnlySpan<float> pixels, int height, int width)
    {
        CheckSize(pixels.Length, height, width);
        var grid = new double[height, width];
        for (int r = 0, i = 0; r < height; r++)
            for (int c = 0; c < width; c++, i++) grid[r, c] = pixels[i];
        return grid;
    }

    /// <summary>
    /// Adds the image to <paramref name="plot"/>. With <paramref name="ticks"/> the axes carry pixel
    /// indices (0 at the top left, like matplotlib); without, only the frame is drawn (like tfds's grid).
    /// </summary>
    public static Heatmap Draw(Plot plot, double[,] grid, IColormap colormap, bool ticks)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(grid);
        int height = grid.GetLength(0), width = grid.GetLength(1);
        if (height == 0 || width == 0) throw new ArgumentException("Cannot draw an empty image.", nameof(grid));

        var heatmap = plot.Add.Heatmap(grid);
        heatmap.Colormap = colormap;
        var (min, max) = Range(grid);
        // A constant image would make ScottPlot divide by a zero range; matplotlib draws it in the lowest colour.
        heatmap.ManualRange = new ScottPlot.Range(min, max > min ? max : min + 1);

        plot.Axes.SetLimits(-0.5, width - 0.5, -0.5, height - 0.5);
        plot.Layout.LayoutEngine = new SquarePixelLayout(height, width);
        plot.HideGrid();
        if (ticks)
        {
            plot.Axes.Bottom.TickGenerator = PixelTicks(width, flip: false);
            plot.Axes.Left.TickGenerator = PixelTicks(height, flip: true);
        }
        else
        {
            foreach (var axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
            {
                axis.TickGenerator = new NumericManual();
                axis.MajorTickStyle.Length = 0;
                axis.MinorTickStyle.Length = 0;
            }
        }
        return heatmap;
    }

    private static NumericManual PixelTicks(int count, bool flip)
    {
        var ticks = new NumericManual();
        int step = count <= 10 ? 1 : count <= 40 ? 5 : count <= 100 ? 10 : 50;
        for (int i = 0; i < count; i += step)
            ticks.AddMajor(flip ? count - 1 - i : i, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return ticks;
    }

    private static (double min, double max) Range(double[,] grid)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in grid)
        {
            if (double.IsNaN(v)) continue;
            if (v < min) min = v;
            if (v > max) max = v;
        }
        return double.IsInfinity(min) ? (0, 1) : (min, max);
    }

    private static void CheckSize(int length, int height, int width)
    {
        if (height <= 0 || width <= 0)
            throw new ArgumentOutOfRangeException(nameof(height), $"Image size {height}x{width} must be positive.");
        if (length != height * width)
            throw new ArgumentException(
                $"The image has {length} pixels but {height}x{width} needs {height * width}; " +
                "pass the height and width of a single-channel image (e.g. 28x28 for MNIST).");
    }
}
