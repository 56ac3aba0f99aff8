using static TorchSharp.torch;

namespace KerasMnist.Keras.Trainers.DataAdapters;

/// <summary>
/// Keras's <c>ArrayDataAdapter</c>: tensors in memory, <c>x</c> and optionally <c>y</c>, cut along axis 0 into batches of
/// <c>batch_size</c> (32 unless given; the last batch holds the remainder). With <c>shuffle</c> every pass takes a new
/// permutation from torch's generator (<c>keras.utils.set_random_seed</c> makes it repeat), as Keras shuffles array
/// input each epoch of <c>fit</c>.
/// </summary>
/// <remarks>The adapter keeps references to the tensors, not copies: leave them undisposed until the call returns.</remarks>
public sealed class ArrayDataAdapter : DataAdapter
{
    /// <summary>Keras's default <c>batch_size</c> for array input.</summary>
    public const int DefaultBatchSize = 32;

    readonly Tensor x;
    readonly Tensor? y;
    readonly bool shuffle;

    /// <summary>Batches <paramref name="x"/> (and <paramref name="y"/>, row for row).</summary>
    /// <param name="x">Inputs, examples along axis 0, in Keras's layout (e.g. (N, 28, 28, 1)).</param>
    /// <param name="y">Targets, one per example (e.g. int64 labels of shape (N)); null for <c>predict</c>.</param>
    /// <param name="batch_size">Examples per batch, at least 1; null for 32.</param>
    /// <param name="shuffle">A new order on every pass.</param>
    /// <exception cref="ArgumentException">x is a scalar, y's length differs from x's, or batch_size is below 1.</exception>
    public ArrayDataAdapter(Tensor x, Tensor? y = null, int? batch_size = null, bool shuffle = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() == 0)
            throw new ArgumentException("x must have a batch axis: give the examples along axis 0, e.g. shape (N, 28, 28, 1).", nameof(x));
        if (y is not null && (y.dim() == 0 || y.shape[0] != x.shape[0]))
            throw new ArgumentException(
                $"x and y must hold the same number of examples along axis 0: x has shape ({string.Join(", ", x.shape)}), " +
                $"y has shape ({string.Join(", ", y.shape)}).", nameof(y));
        if (batch_size is < 1)
            throw new ArgumentException($"batch_size must be at least 1, got {batch_size}.", nameof(batch_size));
        this.x = x;
        this.y = y;
        this.batch_size = batch_size ?? DefaultBatchSize;
        this.shuffle = shuffle;
    }

    /// <summary><c>adapter.batch_size</c>.</summary>
    public int batch_size { get; }

    long Count => x.shape[0];

    /// <inheritdoc/>
    public override long? num_batches => (Count + batch_size - 1) / batch_size;

    /// <inheritdoc/>
    public override IEnumerable<(Tensor x, Tensor? y)> get_torch_dataloader()
    {
        using var order = shuffle ? randperm(Count, device: x.device) : null;
        for (long start = 0; start < Count; start += batch_size)
        {
            long size = Math.Min(batch_size, Count - start);
            if (order is null)
            {
                yield return (x.narrow(0, start, size), y?.narrow(0, start, size));
                continue;
            }
            using var rows = order.narrow(0, start, size);
            yield return (x.index_select(0, rows), y?.index_select(0, rows.to(y.device)));
        }
    }

    /// <inheritdoc/>
    public override DataAdapter configure(string method, Tensor? y, int? batch_size, bool shuffle)
    {
        if (y is not null && this.y is not null)
            throw new ArgumentException($"{method}: the targets were given twice, in validation_data's (x, y) pair and as y; give them once.");
        return new ArrayDataAdapter(x, y ?? this.y, batch_size ?? this.batch_size, shuffle);
    }
}
