using System.Collections;
using TorchSharp;
using static TorchSharp.torch;

namespace KerasMnist.Datasets.Data;

// CONTRACT STUB (to be implemented by the pipeline work): signatures are fixed, bodies are not.
/// <summary>
/// The counterpart of <c>tf.data.Dataset</c>: a lazy pipeline of supervised (x, y) elements.
/// Enumerating yields elements (unbatched) or batches (after <see cref="batch"/>); every yielded
/// tensor is a new handle the consumer owns and may dispose.
/// </summary>
public abstract class Dataset : IEnumerable<(Tensor x, Tensor y)>
{
    /// <summary><c>tf.data.Dataset.from_tensor_slices((x, y))</c>: slices both tensors along axis 0.</summary>
    public static Dataset from_tensor_slices(Tensor x, Tensor y) => throw new NotImplementedException();

    /// <summary><c>Dataset.map</c>. The function is applied to whole blocks of elements at once (leading axis = examples).</summary>
    public Dataset map(Func<Tensor, Tensor, (Tensor, Tensor)> map_func, int num_parallel_calls = -1) => throw new NotImplementedException();

    /// <summary><c>Dataset.cache()</c>: computes the upstream once, in memory.</summary>
    public Dataset cache() => throw new NotImplementedException();

    /// <summary><c>Dataset.shuffle</c> with tf.data's buffer semantics.</summary>
    public Dataset shuffle(int buffer_size, int? seed = null, bool reshuffle_each_iteration = true) => throw new NotImplementedException();

    /// <summary><c>Dataset.batch</c>.</summary>
    public Dataset batch(int batch_size, bool drop_remainder = false) => throw new NotImplementedException();

    /// <summary><c>Dataset.prefetch</c>: a background producer keeping up to <paramref name="buffer_size"/> elements ready.</summary>
    public Dataset prefetch(int buffer_size) => throw new NotImplementedException();

    /// <summary><c>Dataset.take</c>.</summary>
    public Dataset take(long count) => throw new NotImplementedException();

    /// <summary><c>Dataset.skip</c>.</summary>
    public Dataset skip(long count) => throw new NotImplementedException();

    /// <summary><c>Dataset.cardinality()</c>: number of elements (batches after batch), or INFINITE/UNKNOWN.</summary>
    public abstract long cardinality();

    /// <inheritdoc/>
    public abstract IEnumerator<(Tensor x, Tensor y)> GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
