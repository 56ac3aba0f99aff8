using KerasMnist.Datasets.Data;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Trainers.DataAdapters;

/// <summary>
/// Keras's <c>TFDatasetAdapter</c>: a tf.data <see cref="Dataset"/>, read pass by pass. The pipeline batches; a dataset
/// that yields single elements gives batches of one element, as it would in Keras.
/// </summary>
public sealed class TFDatasetAdapter : DataAdapter
{
    readonly Dataset dataset;

    /// <summary>Adapts <paramref name="dataset"/>.</summary>
    public TFDatasetAdapter(Dataset dataset) => this.dataset = dataset ?? throw new ArgumentNullException(nameof(dataset));

    /// <inheritdoc/>
    public override long? num_batches => dataset.cardinality() is var n && n >= 0 ? n : null;

    /// <inheritdoc/>
    public override IEnumerable<(Tensor x, Tensor? y)> get_torch_dataloader()
    {
        foreach (var (x, y) in dataset)
            yield return (x, y);
    }

    /// <inheritdoc/>
    public override DataAdapter configure(string method, Tensor? y, int? batch_size, bool shuffle)
    {
        // Keras's wording (data_adapters.raise_unsupported_arg); the dataset already carries both.
        if (y is not null)
            throw new ArgumentException(
                $"{method}: When providing `x` as a tf.data.Dataset, `y` should not be passed. Instead, the targets should be included as part of the tf.data.Dataset.");
        if (batch_size is not null)
            throw new ArgumentException(
                $"{method}: do not specify `batch_size` when `x` is a tf.data.Dataset: the dataset yields batches already (batch it with .batch({batch_size})).");
        return this;
    }

}
