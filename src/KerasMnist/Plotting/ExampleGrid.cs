using System.Globalization;
using ScottPlot;

namespace KerasMnist.Plotting;

/// <summary>
/// The drawing behind <c>tfds.visualization.show_examples</c>, over plain arrays: a rows×cols grid of
/// grey images in the given order, each with <c>"{label_name} ({label_id})"</c> beneath it (tfds sets it
/// with <c>plt.xlabel</c>), no ticks, 300 px per cell (tfds's <c>plot_scale=3</c> inches at 100 dpi).
/// </summary>
public static class ExampleGrid
{
    /// <summary>Pixels per grid cell: tfds's plot_scale (3 inches) at matplotlib's 100 dpi.</summary>
    public const int CellSize = 300;

    /// <summary>Draws the first rows·cols images; cells beyond the number of images stay empty, as in tfds.</summary>
    public static Figure Draw(IReadOnlyList<byte[]> images, IReadOnlyList<long> labels, IReadOnlyList<string> labelNames,
        int imageHeight, int imageWidth, int rows, int cols)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(labelNames);
        if (rows <= 0 || cols <= 0)
            throw new ArgumentOutOfRangeException(nameof(rows), $"show_examples needs at least one row and column, got rows={rows}, cols={cols}.");
        if (images.Count == 0)
            throw new ArgumentException("show_examples got no examples: the dataset is empty.", nameof(images));
        if (images.Count != labels.Count)
            throw new ArgumentException($"show_examples got {images.Count} images but {labels.Count} labels.", nameof(labels));

        var plots = new List<Plot>();
        for (int i = 0; i < rows * cols; i++)
        {
            var plot = new Plot();
            if (i < images.Count)
            {
                // Grey, not matplotlib's default viridis: tfds's show_examples passes cmap='gray' for one-channel images.
                ImagePanel.Draw(plot, ImagePanel.ToGrid(images[i], imageHeight, imageWidth), new ScottPlot.Colormaps.Grayscale(), ticks: false);
                plot.XLabel(Caption(labels[i], labelNames));
            }
            else
            {
                plot.HideAxesAndGrid();
            }
            FigureStyle.Apply(plot);
            plots.Add(plot);
        }
        return new Figure(plots, new ScottPlot.MultiplotLayouts.Grid(rows, cols), cols * CellSize, rows * CellSize);
    }

    /// <summary>tfds's caption, <c>"{int2str(label)} ({label})"</c>, e.g. <c>"7 (7)"</c> or <c>"Sneaker (7)"</c>.</summary>
    public static string Caption(long label, IReadOnlyList<string> labelNames)
    {
        if (label < 0 || label >= labelNames.Count)
            throw new ArgumentOutOfRangeException(nameof(label),
                $"Label {label} has no name: the dataset defines {labelNames.Count} classes (0..{labelNames.Count - 1}).");
        return $"{labelNames[(int)label]} ({label.ToString(CultureInfo.InvariantCulture)})";
    }
}
