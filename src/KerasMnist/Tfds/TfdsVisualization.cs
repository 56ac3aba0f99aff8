using KerasMnist.Datasets.Core;
using KerasMnist.Datasets.Data;
using KerasMnist.Plotting;

namespace KerasMnist.Tfds;

/// <summary>
/// The module <c>tfds.visualization</c> (reached as <c>tfds.visualization</c>, see <see cref="TfdsExtensions"/>):
/// <c>tfds.visualization.show_examples(ds_train, ds_info)</c>. matplotlib shows the figure inline; here it is
/// returned so the caller saves it with <see cref="Figure.savefig"/>.
/// </summary>
public sealed class TfdsVisualization
{
    internal static readonly TfdsVisualization Module = new();

    private TfdsVisualization() { }

    /// <summary>
    /// <c>tfds.visualization.show_examples(ds, ds_info, rows=3, cols=3)</c>: the first rows·cols examples of
    /// <paramref name="ds"/> in dataset order (900×900 px for 3×3), grey, captioned <c>"7 (7)"</c>.
    /// Needs unbatched uint8 examples, i.e. the dataset as <c>tfds.load</c> returned it.
    /// </summary>
    public Figure show_examples(Dataset ds, DatasetInfo ds_info, int rows = 3, int cols = 3)
    {
        ArgumentNullException.ThrowIfNull(ds);
        ArgumentNullException.ThrowIfNull(ds_info);
        if (rows <= 0 || cols <= 0)
            throw new ArgumentOutOfRangeException(nameof(rows), $"show_examples needs at least one row and column, got rows={rows}, cols={cols}.");
        var (images, labels, shape) = DatasetExamples.Read(ds, (long)rows * cols, allowBatched: false, "show_examples");
        if (images.Count == 0)
            throw new ArgumentException("show_examples got no examples: the dataset is empty.", nameof(ds));
        if (shape.Length == 3 && shape[2] != 1)
            throw new ArgumentException($"show_examples draws single-channel images; these have {shape[2]} channels.", nameof(ds));
        return ExampleGrid.Draw(images, labels, ds_info.features.label.names, (int)shape[0], (int)shape[1], rows, cols);
    }

    /// <summary>
    /// <c>show_examples</c> over plain arrays: <paramref name="images"/> hold row-major single-channel pixels
    /// (<paramref name="image_height"/>·<paramref name="image_width"/> bytes each), <paramref name="labels"/>
    /// the class ids and <paramref name="label_names"/> the names (<c>info.features['label'].names</c>).
    /// </summary>
    public Figure show_examples(IReadOnlyList<byte[]> images, IReadOnlyList<long> labels, IReadOnlyList<string> label_names,
        int image_height = 28, int image_width = 28, int rows = 3, int cols = 3)
        => ExampleGrid.Draw(images, labels, label_names, image_height, image_width, rows, cols);
}
