namespace KerasMnist.Keras.Layers;

/// <summary>
/// <c>keras.layers.InputSpec(ndim, min_ndim, axes, shape)</c>: what a layer accepts as input, declared once per layer
/// (<see cref="Layer.input_spec"/>) and checked in one place, <see cref="AssertCompatible"/> (Keras's
/// <c>assert_input_compatibility</c>), whenever the layer is applied: to a <c>KerasTensor</c>, eagerly to a tensor, or
/// as the first layer a model's batch reaches. Ranks and axes count the batch dimension, as in Keras.
/// </summary>
/// <example><c>new InputSpec(min_ndim: 2, axes: new Dictionary&lt;int, int&gt; { [-1] = 784 })</c> is a built Dense's spec.</example>
public sealed class InputSpec
{
    /// <summary>See <c>keras.layers.InputSpec</c>.</summary>
    /// <param name="ndim">The exact rank, batch included (4 for images).</param>
    /// <param name="min_ndim">The least rank, batch included.</param>
    /// <param name="axes">Sizes required on some axes (batch is axis 0; negative counts from the end).</param>
    /// <param name="shape">The exact shape of one example (the batch size is free); sets <paramref name="ndim"/>.</param>
    /// <exception cref="ArgumentException">An axis beyond <paramref name="ndim"/>, as Keras rejects it.</exception>
    public InputSpec(int? ndim = null, int? min_ndim = null, IReadOnlyDictionary<int, int>? axes = null, Shape? shape = null)
    {
        this.shape = shape;
        this.ndim = shape is not null ? shape.Rank + 1 : ndim;
        this.min_ndim = min_ndim;
        this.axes = axes ?? new Dictionary<int, int>();
        if (this.axes.Count > 0 && this.ndim is int rank && this.axes.Keys.Max() > rank - 1)
            throw new ArgumentException($"Axis {this.axes.Keys.Max()} is greater than the maximum allowed value: {rank - 1}");
    }

#pragma warning disable CS1591 // Keras's attributes, documented on the constructor
    public int? ndim { get; }
    public int? min_ndim { get; }
    public IReadOnlyDictionary<int, int> axes { get; }
    public Shape? shape { get; }
#pragma warning restore CS1591

    /// <summary>
    /// Keras's <c>assert_input_compatibility</c>: throws <see cref="ArgumentException"/> worded as Keras's <c>ValueError</c>,
    /// naming the layer and both shapes, when an input of one example's shape <paramref name="example"/> does not meet
    /// <paramref name="spec"/>. A null spec accepts anything.
    /// </summary>
    /// <param name="spec">The layer's spec, or null.</param>
    /// <param name="example">One example's shape (channels-last, no batch).</param>
    /// <param name="batch">The batch size of a real tensor; null for a symbolic input (printed as <c>None</c>).</param>
    /// <param name="layer">The layer's name.</param>
    public static void AssertCompatible(InputSpec? spec, Shape example, long? batch, string layer)
    {
        if (spec is null) return;
        int rank = example.Rank + 1;
        string received = FullShape(example, batch);
        string prefix = $"Input 0 of layer \"{layer}\" is incompatible with the layer: ";
        if (spec.shape is not null)
        {
            if (!spec.shape.Equals(example))
                throw new ArgumentException($"{prefix}expected shape={spec.shape.ToBatchString()}, found shape={received}");
            return;
        }
        if (spec.ndim is int ndim && rank != ndim)
            throw new ArgumentException($"{prefix}expected ndim={ndim}, found ndim={rank}. Full shape received: {received}");
        if (spec.min_ndim is int min && rank < min)
            throw new ArgumentException($"{prefix}expected min_ndim={min}, found ndim={rank}. Full shape received: {received}");
        foreach (var (axis, value) in spec.axes)
        {
            int index = axis < 0 ? axis + rank : axis;
            if (index < 0 || index >= rank)
                throw new ArgumentException($"{prefix}axis {axis} is out of bounds for an input with ndim={rank}. Full shape received: {received}");
            long? actual = index == 0 ? batch : example[index - 1];
            if (actual is not null && actual != value)
                throw new ArgumentException(
                    $"{prefix}expected axis {axis} of input shape to have value {value}, but received input with shape {received}");
        }
    }

    /// <summary>Python's tuple of the full shape: <c>(None, 28, 28, 1)</c>, or <c>(5, 6, 3)</c> for a real batch of 5.</summary>
    internal static string FullShape(Shape example, long? batch)
    {
        var dims = example.Dims.Select(d => d.ToString()).Prepend(batch?.ToString() ?? "None").ToList();
        return dims.Count == 1 ? $"({dims[0]},)" : $"({string.Join(", ", dims)})";
    }

    /// <summary>Keras's repr: <c>InputSpec(ndim=4, axes={-1: 3})</c>.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        if (shape is not null) parts.Add($"shape={shape.ToBatchString()}");
        if (ndim is not null) parts.Add($"ndim={ndim}");
        if (min_ndim is not null) parts.Add($"min_ndim={min_ndim}");
        if (axes.Count > 0) parts.Add($"axes={{{string.Join(", ", axes.Select(a => $"{a.Key}: {a.Value}"))}}}");
        return $"InputSpec({string.Join(", ", parts)})";
    }
}
