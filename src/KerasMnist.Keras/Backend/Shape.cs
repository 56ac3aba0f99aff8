namespace KerasMnist.Keras;

/// <summary>
/// A Keras shape without the batch dimension, channels-last: <c>(28, 28, 1)</c>.
/// Counterpart of TF.NET's <c>Shape</c>: converts implicitly from an int and from tuples, so
/// <c>keras.Input((28, 28, 1))</c> and <c>kernel_size: 3</c> read as in Python.
/// </summary>
public sealed class Shape : IEquatable<Shape>
{
    readonly int[] dims;

    /// <summary>Creates a shape from its dimensions.</summary>
    public Shape(params int[] dims)
    {
        foreach (var d in dims)
            if (d < 0) throw new ArgumentException($"Shape dimensions must be non-negative, got ({string.Join(", ", dims)}).");
        this.dims = (int[])dims.Clone();
    }

    /// <summary>Number of dimensions.</summary>
    public int Rank => dims.Length;

    /// <summary>The dimension at <paramref name="i"/>; negative counts from the end.</summary>
    public int this[int i] => dims[i < 0 ? dims.Length + i : i];

    /// <summary>The dimensions as an array copy.</summary>
    public int[] Dims => (int[])dims.Clone();

    /// <summary>Product of the dimensions.</summary>
    public long Size => dims.Aggregate(1L, (a, d) => a * d);

    /// <summary>One int for every dimension, as Keras expands <c>kernel_size=3</c> to <c>(3, 3)</c>.</summary>
    public static Shape Repeat(int value, int rank) => new(Enumerable.Repeat(value, rank).ToArray());

    /// <summary>The shape with a batch dimension prepended, as torch sizes.</summary>
    public long[] WithBatch(long batch) => dims.Select(d => (long)d).Prepend(batch).ToArray();

#pragma warning disable CS1591 // conversions are self-explanatory
    public static implicit operator Shape(int d) => new(d);
    public static implicit operator Shape((int, int) t) => new(t.Item1, t.Item2);
    public static implicit operator Shape((int, int, int) t) => new(t.Item1, t.Item2, t.Item3);
    public static implicit operator Shape(int[] d) => new(d);
    public bool Equals(Shape? other) => other is not null && dims.SequenceEqual(other.dims);
    public override bool Equals(object? obj) => Equals(obj as Shape);
    public override int GetHashCode() => dims.Aggregate(17, (h, d) => h * 31 + d);
#pragma warning restore CS1591

    /// <summary>Python's tuple notation: <c>(28, 28, 1)</c>, <c>(784,)</c>.</summary>
    public override string ToString() => dims.Length == 1 ? $"({dims[0]},)" : $"({string.Join(", ", dims)})";

    /// <summary>Keras's summary notation with the batch dimension: <c>(None, 28, 28, 1)</c>.</summary>
    public string ToBatchString() => dims.Length == 0 ? "(None,)" : $"(None{string.Concat(dims.Select(d => ", " + d))})";
}
