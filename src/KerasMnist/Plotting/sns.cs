using KerasMnist.Analysis;
using Microsoft.Data.Analysis;
using NumSharp;

namespace KerasMnist.Plotting;

/// <summary>
/// The <c>seaborn</c> calls of the tutorial (<c>sns.countplot</c>, <c>sns.heatmap</c>), returning a
/// <see cref="Figure"/> to save with <c>savefig(path)</c>.
/// </summary>
public static class sns
{
    /// <summary>
    /// <c>sns.countplot(data=df, x='label')</c>: one bar per class with its count written above it.
    /// Without <paramref name="class_names"/> the bars are the sorted distinct values of the column; with them,
    /// every class 0..n-1 gets a bar (also an empty one) labelled by its name, e.g. Fashion-MNIST's "Sneaker".
    /// </summary>
    public static Figure countplot(DataFrame data, string x, IReadOnlyList<string>? class_names = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!data.Columns.Any(c => c.Name == x))
            throw new ArgumentException(
                $"Could not interpret value '{x}' for parameter x: the frame has the columns {string.Join(", ", data.Columns.Select(c => $"'{c.Name}'"))}.",
                nameof(x));
        return CountPlot.Draw(ColumnValues(data[x]), x, class_names);
    }

    /// <summary><c>sns.countplot(x=labels)</c> over a label array (NDArray, <c>long[]</c>, <c>int[]</c>...).</summary>
    public static Figure countplot(ArrayLike x, IReadOnlyList<string>? class_names = null, string xlabel = "label")
        => CountPlot.Draw(x.ToLabels(nameof(x)), xlabel, class_names);

    /// <summary>
    /// <c>sns.heatmap(cm, annot=True, cmap="YlGnBu")</c> for a confusion matrix (1000×1000 px, the notebook's
    /// <c>figsize=(10, 10)</c>): row 0 at the top, each cell's value written in it (dark on light cells, white on
    /// dark ones), a colour bar, and the axes labelled as sklearn's ConfusionMatrixDisplay labels them.
    /// Whole numbers are printed as integers (seaborn's default <c>fmt=".2g"</c> would print 980 as 9.8e+02).
    /// </summary>
    public static Figure heatmap(NDArray data, bool annot = true, string cmap = "YlGnBu",
        IReadOnlyList<string>? xticklabels = null, IReadOnlyList<string>? yticklabels = null,
        string? xlabel = "Predicted label", string? ylabel = "True label", string? title = null)
        => HeatmapPlot.Draw(NDArrayGrids.Matrix(data, nameof(data)), annot, Colormaps.Get(cmap),
            xticklabels, yticklabels, xlabel, ylabel, title);

    private static long[] ColumnValues(DataFrameColumn column)
    {
        var type = column.DataType;
        if (type != typeof(long) && type != typeof(int) && type != typeof(short) && type != typeof(byte) && type != typeof(sbyte) && type != typeof(ushort) && type != typeof(uint))
            throw new ArgumentException(
                $"countplot counts integer class labels, but column '{column.Name}' holds {type.Name} values.", nameof(column));
        var values = new long[column.Length];
        for (long i = 0; i < column.Length; i++)
            values[i] = column[i] is { } v ? Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)
                : throw new ArgumentException($"Column '{column.Name}' has a missing value in row {i}; countplot needs a label in every row.");
        return values;
    }
}
