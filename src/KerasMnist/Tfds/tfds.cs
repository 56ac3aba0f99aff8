using KerasMnist.Datasets.Core;
using KerasMnist.Datasets.Data;

namespace KerasMnist.Tfds;

/// <summary>
/// The visual half of <c>tensorflow_datasets</c>, added to the data library's <see cref="Datasets.tfds"/> so that a
/// stage reads as the notebook does: <c>tfds.visualization.show_examples(ds, ds_info)</c> and
/// <c>tfds.as_dataframe(ds, ds_info)</c>. They live in the program because they draw and tabulate
/// (ScottPlot, Microsoft.Data.Analysis), which the data library must not depend on; <c>using KerasMnist.Tfds;</c>
/// brings them in.
/// </summary>
public static class TfdsExtensions
{
    extension(Datasets.tfds)
    {
        /// <summary><c>tfds.visualization</c>: <c>show_examples</c>.</summary>
        public static TfdsVisualization visualization => TfdsVisualization.Module;

        /// <summary>
        /// <c>tfds.as_dataframe(ds, ds_info)</c>: materialises every example of <paramref name="ds"/> (use
        /// <c>ds.take(n)</c> for a part) into columns <c>image</c> (a <c>VBufferDataFrameColumn&lt;byte&gt;</c> of the
        /// raw pixels, 784 bytes for MNIST) and <c>label</c> (Int64). Accepts unbatched or batched uint8 images.
        /// </summary>
        /// <exception cref="ArgumentException">The images are not uint8 (the dataset was mapped), or shapes or counts disagree.</exception>
        public static StyledDataFrame as_dataframe(Dataset ds, DatasetInfo? ds_info = null)
        {
            var (images, labels, _) = DatasetExamples.Read(ds, long.MaxValue, allowBatched: true, "as_dataframe");
            return StyledDataFrame.FromExamples(images, labels, ds_info);
        }
    }
}
