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
    /// The default colormap is grey, not matplotlib's viridis: digits are ink intensities, and grey is what
    /// <c>show_examples</c> draws too, so all images in the tutorial look alike. Pass <c>cmap: "viridis"</c>
    /// to get the notebook's look.
    /// </summary>
    public static Figure imshow(NDArray X, string? title = null, string cmap = "gray")
    {
        var grid = NDArrayGrids.Image(X, nameof(X));
        var plot = new Plot();
        ImagePanel.Draw(plot, grid, Colormaps.Get(cmap), ticks: true);
        FigureStyle.Apply(plot);
        if (title is not null) FigureStyle.Title(plot, title, ImageFigureSize);
        return new Figure(plot, ImageFigureSize, ImageFigureSize);
    }

    /// <summary>
    /// One of the notebook's least-confident samples: <see cref="imshow"/> titled with the true and the predicted
    /// class and the predicted class's probability, e.g. <c>true 4 → predicted 9 (p=0.62)</c>.
    /// </summary>
    public static Figure imshow_prediction(NDArray X, long y_true, long y_pred, double probability,
        IReadOnlyList<string>? class_names = null)
    {
        if (!(probability >= 0 && probability <= 1))
            throw new ArgumentOutOfRangeException(nameof(probability), $"A probability lies in [0, 1], got {probability}.");
        string Name(long id) => class_names is null ? id.ToString(CultureInfo.InvariantCulture)
            : id >= 0 && id < class_names.Count ? class_names[(int)id]
            : throw new ArgumentOutOfRangeException(nameof(class_names), $"Class {id} has no name among {class_names.Count} class names.");
        var title = $"true {Name(y_true)} → predicted {Name(y_pred)} (p={probability.ToString("0.00", CultureInfo.InvariantCulture)})";
        return imshow(X, title);
    }

    /// <summary>
    /// Training curves of one <c>model.fit</c> run from <c>history.history</c> (Keras's History): one panel per
    /// metric (<c>loss</c> first, then e.g. <c>sparse_categorical_accuracy</c>), the training values as a solid
    /// line and the <c>val_</c> values dashed, over epochs 1..n, with markers so a single epoch still shows.
    /// </summary>
    public static Figure plot_history(IReadOnlyDictionary<string, List<double>> history, string? title = null)
        => HistoryPlot.Draw(history, title);
}
