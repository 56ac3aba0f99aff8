using KerasMnist.Datasets.Data;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Trainers.DataAdapters;

/// <summary>
/// Keras's <c>DataAdapter</c> (<c>keras/src/trainers/data_adapters/</c>): what <c>fit</c>, <c>evaluate</c> and
/// <c>predict</c> take their data through, so that the training loop never names a data library. One adapter per
/// kind of source: <see cref="TFDatasetAdapter"/> for a tf.data <see cref="Dataset"/> (batched by the pipeline) and
/// <see cref="ArrayDataAdapter"/> for tensors in memory (batched here, <c>batch_size</c> 32 by default).
/// </summary>
/// <remarks>
/// A caller never writes the type: the implicit conversions below are Keras's <c>get_data_adapter(x, y, ...)</c>, so
/// <c>model.fit(ds_train)</c>, <c>model.fit(x, y, batch_size: 128)</c>, <c>model.predict(x)</c> and
/// <c>validation_data: (x_val, y_val)</c> read as in Python. As in Keras, a custom subclass may be passed as well.
/// </remarks>
public abstract class DataAdapter
{
    /// <summary><c>adapter.num_batches</c>: batches per pass; null when the source cannot tell in advance.</summary>
    public abstract long? num_batches { get; }

    /// <summary>
    /// One pass over the data (an epoch) as batches: <c>x</c> in Keras's layout with the batch first, <c>y</c> the
    /// targets or null when the source has none. Every tensor yielded is a new handle the consumer disposes. This is
    /// the torch backend's view of the data (Keras's <c>get_torch_dataloader()</c>).
    /// </summary>
    public abstract IEnumerable<(Tensor x, Tensor? y)> get_torch_dataloader();

    /// <summary>
    /// The adapter for one call of <paramref name="method"/> with its <c>y</c>, <c>batch_size</c> and <c>shuffle</c>
    /// arguments, which only in-memory data takes (Keras's <c>get_data_adapter</c> rejects them for a dataset).
    /// </summary>
    /// <exception cref="ArgumentException">An argument the source cannot take, or an invalid one.</exception>
    public abstract DataAdapter configure(string method, Tensor? y, int? batch_size, bool shuffle);

    /// <summary>A tf.data Dataset as <c>x</c> (elements or batches of (x, y)).</summary>
    public static implicit operator DataAdapter(Dataset dataset) => new TFDatasetAdapter(dataset);

    /// <summary>A tensor as <c>x</c>, batched along axis 0; targets come as the separate <c>y</c> argument.</summary>
    public static implicit operator DataAdapter(Tensor x) => new ArrayDataAdapter(x);

    /// <summary>An <c>(x, y)</c> pair of tensors, as Keras takes <c>validation_data=(x_val, y_val)</c>.</summary>
    public static implicit operator DataAdapter((Tensor x, Tensor y) data) => new ArrayDataAdapter(data.x, data.y);
}
