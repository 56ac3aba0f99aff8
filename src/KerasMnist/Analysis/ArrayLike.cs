using NumSharp;

namespace KerasMnist.Analysis;

/// <summary>
/// sklearn's "array-like" of class labels: a NumSharp <see cref="NDArray"/> of an integer dtype, or a plain
/// <c>long[]</c>, <c>int[]</c>, <c>byte[]</c> or list, converted implicitly so calls read like Python's.
/// </summary>
public readonly struct ArrayLike
{
    private readonly object? _source;

    private ArrayLike(object? source) => _source = source;

    /// <summary>From a 1-D NDArray (or an (n, 1) column) of an integer dtype.</summary>
    public static implicit operator ArrayLike(NDArray? array) => new(array);

    /// <summary>From <c>long[]</c>.</summary>
    public static implicit operator ArrayLike(long[]? array) => new(array);

    /// <summary>From <c>int[]</c>.</summary>
    public static implicit operator ArrayLike(int[]? array) => new(array);

    /// <summary>From <c>byte[]</c> (uint8 labels as stored in MNIST's IDX files).</summary>
    public static implicit operator ArrayLike(byte[]? array) => new(array);

    /// <summary>From <c>List&lt;long&gt;</c>.</summary>
    public static implicit operator ArrayLike(List<long>? list) => new(list);

    /// <summary>From <c>List&lt;int&gt;</c>.</summary>
    public static implicit operator ArrayLike(List<int>? list) => new(list);

    /// <summary>The labels as int64 values; <paramref name="name"/> names the argument in error messages.</summary>
    public long[] ToLabels(string name) => _source switch
    {
        null => throw new ArgumentNullException(name, $"{name} is null; pass the class labels as an array."),
        long[] a => a,
        int[] a => Array.ConvertAll(a, v => (long)v),
        byte[] a => Array.ConvertAll(a, v => (long)v),
        List<long> l => l.ToArray(),
        List<int> l => l.ConvertAll(v => (long)v).ToArray(),
        NDArray nd => FromNDArray(nd, name),
        _ => throw new ArgumentException($"{name}: unsupported label container {_source.GetType().Name}.", name),
    };

    private static long[] FromNDArray(NDArray nd, string name)
    {
        bool column = nd.ndim == 2 && nd.shape[1] == 1;
        if (nd.ndim != 1 && !column)
            throw new ArgumentException(
                $"{name} has shape ({string.Join(", ", nd.shape)}); class labels must be 1-D, one per sample. " +
                "For probabilities use np.argmax(y_prob, axis: 1) first.", name);
        return nd.typecode switch
        {
            NPTypeCode.Byte or NPTypeCode.Int16 or NPTypeCode.UInt16 or NPTypeCode.Int32 or NPTypeCode.UInt32 or NPTypeCode.Int64
                => nd.ToArray<long>(),
            _ => throw new ArgumentException(
                $"{name} has dtype {nd.dtype}; classification metrics need integer class labels. " +
                "Use np.argmax(y_prob, axis: 1) for predictions, or .astype(np.int64) for whole-number floats.", name),
        };
    }
}
