using KerasMnist.Datasets.Core;
using KerasMnist.Datasets.Data;
using Microsoft.Data.Analysis;
using Microsoft.ML.Data;

namespace KerasMnist.Datasets.Visualization;

/// <summary><c>tfds.as_dataframe</c>: a dataset as a table with one row per example.</summary>
public static class TfdsDataFrame
{
    /// <summary>
    /// <c>tfds.as_dataframe(ds, ds_info)</c>: materialises every example of <paramref name="ds"/> (use
    /// <c>ds.take(n)</c> for a part) into columns <c>image</c> (<see cref="VBufferDataFrameColumn{T}"/> of the
    /// raw pixels, 784 bytes for MNIST) and <c>label</c> (Int64). Accepts unbatched or batched uint8 images.
    /// </summary>
    public static StyledDataFrame as_dataframe(Dataset ds, DatasetInfo? ds_info = null)
    {
        var (images, labels, _) = DatasetExamples.Read(ds, long.MaxValue, allowBatched: true, "as_dataframe");
        return as_dataframe(images, labels, ds_info);
    }

    /// <summary>
    /// <c>as_dataframe</c> over plain arrays: row-major pixels per example and the labels. The pixel arrays are
    /// wrapped, not copied.
    /// </summary>
    public static StyledDataFrame as_dataframe(IReadOnlyList<byte[]> images, IReadOnlyList<long> labels, DatasetInfo? ds_info = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        if (images.Count != labels.Count)
            throw new ArgumentException($"as_dataframe got {images.Count} images but {labels.Count} labels.", nameof(labels));
        var imageColumn = new VBufferDataFrameColumn<byte>("image", images.Select(i => new VBuffer<byte>(i.Length, i, null)));
        var labelColumn = new Int64DataFrameColumn("label", labels);
        return new StyledDataFrame([imageColumn, labelColumn], ds_info);
    }
}
