using System.Globalization;
using NumSharp;
using ScottPlot;

namespace KerasMnist.Plotting;

/// <summary>
/// The <c>matplotlib.pyplot</c> calls of the tutorial. Each returns a <see cref="Figure"/> that the caller
/// saves with <c>savefig(path)</c>, where the notebook calls <c>plt.show()</c>.
/// </summary>
public static class plt
{
    /// <summary>Pixel size of an <see cref="imshow"/> figure.</summary>
    public const int ImageFigureSize = 640;

    /// <summary>
    /// <c>plt.imshow(X); plt.title(title)</c> for one single-channel image (H, W) or (H, W, 1): row 0 at the top,
    /// pixel indices on the axes, intensities scaled from the image's minimum to its maximum as matplotlib does.
    /// The default colormap is matplotlib's default (<c>image.cmap</c>), viridis: the notebook calls
    /// <c>plt.imshow(...)</c> without <c>cmap</c> and shows its digits dark purple on yellow-green, so the port does
    /// too. <c>cmap: "gray"</c> draws grey, as <c>show_examples</c> does (tfds passes <c>cmap='gray'</c> there).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="X"/> is not one image, or <paramref name="cmap"/> is unknown.</exception>
    public static Figure imshow(NDArray X, string? title = null, string cmap = "viridis")
    {
        var grid = NDArrayGrids.Image(X, nameof(X));
        var plot = new Plot();
        ImagePanel.Draw(plot, grid, Colormaps.Get(cmap), ticks: true);
        FigureStyle.Apply(plot);
        if (title is not null) FigureStyle.Title(plot, title, ImageFigureSize);
        return new Figure(plot, ImageFigureSize, ImageFigureSize);
    }

    /// <summary>
    /// Training curves of one <c>model.fit</c> run from <c>history.history</c> (Keras's History): one panel per
    /// metric (<c>loss</c> first, then e.g. <c>sparse_categorical_accuracy</c>), the training values as a solid
    /// line and the <c>val_</c> values dashed, over epochs 1..n, with markers so a single epoch still shows.
    /// </summary>
    public static Figure plot_history(IReadOnlyDictionary<string, List<double>> history, string? title = null)
        => HistoryPlot.Draw(history, title);
}
