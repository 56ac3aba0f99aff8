using System.Collections;
using TorchSharp;
using static TorchSharp.torch;

namespace KerasMnist.Datasets.Data;

/// <summary>
/// The counterpart of <c>tf.data.Dataset</c>: a lazy pipeline of supervised (x, y) elements.
/// Enumerating yields elements (unbatched) or batches (after <see cref="batch"/>); every yielded
/// tensor is a new handle the consumer owns and may dispose.
/// </summary>
/// <remarks>
/// <para>Each <c>foreach</c> is one pass (epoch) over the data, like iterating a <c>tf.data.Dataset</c>
/// in eager Python. Unbatched elements are x with the per-example shape (e.g. uint8 (28, 28, 1)) and a
/// scalar y; batches add a leading batch dimension.</para>
/// <para>Yielded tensors may be views of data the pipeline keeps (the source tensors, the cache):
/// treat them as read-only, as TensorFlow tensors are. They are attached to the consumer's current
/// TorchSharp dispose scope, if any, so a per-step <c>torch.NewDisposeScope()</c> releases them.</para>
/// </remarks>
public abstract class Dataset : IEnumerable<(Tensor x, Tensor y)>
{
    /// <summary>
    /// <c>tf.data.Dataset.from_tensor_slices((x, y))</c>: one element per index along axis 0 of both tensors.
    /// The dataset keeps its own handles to the tensors (no copy), so the caller may dispose theirs.
    /// </summary>
    public static Dataset from_tensor_slices(Tensor x, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.dim() == 0 || y.dim() == 0)
            throw new ArgumentException(
                $"from_tensor_slices slices along axis 0, so x and y need at least one dimension; got x of shape {Shapes.Format(x)} and y of shape {Shapes.Format(y)}.");
        if (x.shape[0] != y.shape[0])
            throw new ArgumentException(
                $"from_tensor_slices needs as many labels as examples: x has {x.shape[0]} along axis 0 (shape {Shapes.Format(x)}), y has {y.shape[0]} (shape {Shapes.Format(y)}).");
        return new TensorSliceDataset(x, y);
    }

    /// <summary>
    /// <c>Dataset.map(map_func, num_parallel_calls)</c>, vectorised: <paramref name="map_func"/> receives whole
    /// blocks of elements at once (leading axis = examples) instead of one element per call, so it must act
    /// elementwise along axis 0, as <c>normalize_img</c> does (<c>tf.cast(image, tf.float32) / 255f</c>) and
    /// return as many rows as it received. After <see cref="batch"/> it receives one batch per call, as in tf.data.
    /// </summary>
    /// <param name="map_func">(x, y) → (x', y'). Tensors it creates and does not return are disposed for it.</param>
    /// <param name="num_parallel_calls">
    /// <c>tf.data.AUTOTUNE</c> (-1) or a positive count. Accepted for the port; a whole-block call already runs
    /// on libtorch's intra-op threads, so no further calls run in parallel.
    /// </param>
    public Dataset map(Func<Tensor, Tensor, (Tensor, Tensor)> map_func, int num_parallel_calls = -1)
    {
        ArgumentNullException.ThrowIfNull(map_func);
        if (num_parallel_calls != tf.data.AUTOTUNE && num_parallel_calls < 1)
            throw new ArgumentOutOfRangeException(nameof(num_parallel_calls), num_parallel_calls,
                "num_parallel_calls must be a positive number of calls or tf.data.AUTOTUNE (-1).");
        return new MapDataset(this, map_func);
    }

    /// <summary>
    /// <c>Dataset.cache()</c> (in memory): the first complete pass stores the upstream's output and later
    /// passes replay it without running the upstream (e.g. <see cref="map"/>) again. A pass abandoned
    /// before the end stores nothing; the next pass computes again.
    /// </summary>
    public Dataset cache() => new CacheDataset(this);

    /// <summary>
    /// <c>Dataset.shuffle(buffer_size, seed, reshuffle_each_iteration)</c> with tf.data's buffer algorithm:
    /// fill a buffer of <paramref name="buffer_size"/> elements, emit a uniformly chosen one and put the
    /// next upstream element in its place. A buffer at least as large as the dataset gives a uniform
    /// permutation; a buffer of 1 keeps the order.
    /// </summary>
    /// <param name="buffer_size">Elements in the buffer (at least 1).</param>
    /// <param name="seed">Op seed. Without it the global seed of <c>tf.random.set_seed</c> decides, if set;
    /// otherwise the order is not reproducible.</param>
    /// <param name="reshuffle_each_iteration">New order on every pass (default), or the same order on all passes.</param>
    public Dataset shuffle(int buffer_size, int? seed = null, bool reshuffle_each_iteration = true)
    {
        if (buffer_size < 1)
            throw new ArgumentOutOfRangeException(nameof(buffer_size), buffer_size,
                "shuffle needs a buffer of at least 1 element; pass the dataset size for a full shuffle.");
        return new ShuffleDataset(this, buffer_size, RandomSeeds.ForShuffle(seed), reshuffle_each_iteration);
    }

    /// <summary>
    /// <c>Dataset.batch(batch_size, drop_remainder)</c>: stacks consecutive elements along a new leading axis;
    /// the last batch is smaller unless <paramref name="drop_remainder"/> drops it.
    /// </summary>
    public Dataset batch(int batch_size, bool drop_remainder = false)
    {
        if (batch_size < 1)
            throw new ArgumentOutOfRangeException(nameof(batch_size), batch_size, "batch_size must be at least 1.");
        return new BatchDataset(this, batch_size, drop_remainder);
    }

    /// <summary>
    /// <c>Dataset.prefetch(buffer_size)</c>: background threads run the upstream and keep up to
    /// <paramref name="buffer_size"/> elements (batches, if batched) ready, in order. After <see cref="batch"/>
    /// up to one thread per core makes the batch copies; a consumer that finds nothing ready makes the next one
    /// itself rather than wait. Errors upstream reach the consumer in order; leaving the <c>foreach</c> early
    /// stops the threads.
    /// </summary>
    /// <param name="buffer_size">Elements to keep ready, <c>tf.data.AUTOTUNE</c> (-1) for a fixed small
    /// default, or 0 for no background thread. Unbatched data is handed over in whole blocks.</param>
    public Dataset prefetch(int buffer_size)
    {
        if (buffer_size < tf.data.AUTOTUNE)
            throw new ArgumentOutOfRangeException(nameof(buffer_size), buffer_size,
                "prefetch needs a buffer size of 0 or more elements, or tf.data.AUTOTUNE (-1).");
        return buffer_size == 0 ? this : new PrefetchDataset(this, buffer_size);
    }

    /// <summary><c>Dataset.take(count)</c>: the first <paramref name="count"/> elements (batches, if batched); -1 takes all.</summary>
    public Dataset take(long count) => WindowDataset.Take(this, count);

    /// <summary><c>Dataset.skip(count)</c>: all but the first <paramref name="count"/> elements (batches, if batched); -1 skips all.</summary>
    public Dataset skip(long count) => WindowDataset.Skip(this, count);

    /// <summary>
    /// <c>Dataset.cardinality()</c>: number of elements (batches after <see cref="batch"/>), or
    /// <c>tf.data.INFINITE_CARDINALITY</c> (-1) / <c>tf.data.UNKNOWN_CARDINALITY</c> (-2).
    /// </summary>
    public abstract long cardinality();

    /// <inheritdoc/>
    public abstract IEnumerator<(Tensor x, Tensor y)> GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// True when blocks carry runs of unbatched elements (one per row); false when each block is exactly one
    /// element (a batch, or an element of a dataset defined outside this assembly).
    /// </summary>
    internal virtual bool RowBlocks => false;

    /// <summary>One pass of the pipeline as blocks. Datasets defined elsewhere only enumerate elements.</summary>
    internal virtual IEnumerable<Block> Blocks()
    {
        foreach (var (x, y) in this)
            yield return new Block(x, y);
    }

    /// <summary>How many elements of this dataset <paramref name="block"/> holds.</summary>
    internal long ElementsIn(Block block) => RowBlocks ? block.Length : 1;
}
