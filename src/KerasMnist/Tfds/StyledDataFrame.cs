using KerasMnist.Datasets.Core;
using Microsoft.Data.Analysis;
using Microsoft.ML.Data;

namespace KerasMnist.Tfds;

/// <summary>
/// The counterpart of tfds's <c>StyledDataFrame</c> returned by <c>tfds.as_dataframe(ds, ds_info)</c>: a
/// Microsoft.Data.Analysis <see cref="DataFrame"/> (columns <c>image</c>, <c>label</c>) that remembers the
/// DatasetInfo so it prints like pandas — <see cref="head"/> and <see cref="ToString"/> give an aligned table
/// with one line per example and labels as pandas prints them (<c>7</c>), where DataFrame's own ToString garbles vector cells.
/// </summary>
public sealed class StyledDataFrame : DataFrame
{
    /// <summary>A frame over <paramref name="columns"/>, printed with the image shape in <paramref name="ds_info"/>.</summary>
    public StyledDataFrame(IEnumerable<DataFrameColumn> columns, DatasetInfo? ds_info) : base(columns)
    {
        this.ds_info = ds_info;
    }

    /// <summary>
    /// The frame <c>tfds.as_dataframe</c> builds, over plain arrays: row-major pixels per example (column <c>image</c>)
    /// and the labels (column <c>label</c>). The pixel arrays are wrapped, not copied.
    /// </summary>
    /// <exception cref="ArgumentException">The counts of images and labels differ.</exception>
    public static StyledDataFrame FromExamples(IReadOnlyList<byte[]> images, IReadOnlyList<long> labels, DatasetInfo? ds_info = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        if (images.Count != labels.Count)
            throw new ArgumentException($"as_dataframe got {images.Count} images but {labels.Count} labels.", nameof(labels));
        var imageColumn = new VBufferDataFrameColumn<byte>("image", images.Select(i => new VBuffer<byte>(i.Length, i, null)));
        var labelColumn = new Int64DataFrameColumn("label", labels);
        return new StyledDataFrame([imageColumn, labelColumn], ds_info);
    }

    /// <summary>The DatasetInfo whose image shape the image summaries print (null: the flat vector length).</summary>
    public DatasetInfo? ds_info { get; }

    /// <summary><c>df.head(n)</c>: the first <paramref name="n"/> rows (all, if fewer), still styled.</summary>
    public StyledDataFrame head(int n = 5)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), $"head(n) needs n >= 0, got {n}.");
        var first = Head((int)Math.Min(n, Rows.Count));
        return new StyledDataFrame(first.Columns.ToList(), ds_info);
    }

    /// <summary>pandas' repr: all rows up to 60, otherwise the first and last five with a <c>...</c> line and a size footer.</summary>
    public override string ToString() => DataFrameText.Format(this, ds_info);
}
