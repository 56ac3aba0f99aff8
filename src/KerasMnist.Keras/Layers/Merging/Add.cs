using static TorchSharp.torch;

namespace KerasMnist.Keras.Layers;

/// <summary>
/// <c>keras.layers.Add</c>: the element-wise sum of two or more tensors of the same shape (a dimension of 1
/// broadcasts, as in Keras's merge layers). Apply it to several symbolic tensors: <c>Add().Apply(shortcut, x)</c>.
/// </summary>
[LayersApiFactory]
public sealed class Add : Layer
{
    /// <summary>See <c>keras.layers.Add</c>.</summary>
    public Add(string? name = null) : base(name) { }

    /// <inheritdoc/>
    public override Shape compute_output_shape(Shape input_shape) => input_shape;

    /// <inheritdoc/>
    internal override Shape ComputeOutputShape(IReadOnlyList<Shape> inputs)
    {
        if (inputs.Count < 2)
            throw new ArgumentException(
                $"Layer \"{name}\" (Add) merges a list of at least 2 tensors, but it received {inputs.Count}: " +
                "apply it to several tensors, e.g. Add().Apply(shortcut, x).");
        var output = inputs[0];
        foreach (var shape in inputs.Skip(1)) output = Broadcast(output, shape, inputs);
        Build(inputs[0]);
        return output;
    }

    Shape Broadcast(Shape a, Shape b, IReadOnlyList<Shape> all)
    {
        if (a.Rank == b.Rank)
        {
            var dims = new int[a.Rank];
            int i = 0;
            for (; i < a.Rank; i++)
            {
                if (a[i] != b[i] && a[i] != 1 && b[i] != 1) break;
                dims[i] = Math.Max(a[i], b[i]);
            }
            if (i == a.Rank) return new Shape(dims);
        }
        throw new ArgumentException(
            $"Layer \"{name}\" (Add) got inputs with incompatible shapes: {string.Join(", ", all.Select(s => s.ToBatchString()))}. " +
            "Every input must have the same shape (a dimension of 1 may broadcast).");
    }

    /// <inheritdoc/>
    internal override Tensor Forward(IReadOnlyList<Tensor> inputs, bool training)
    {
        var sum = inputs[0] + inputs[1];
        for (int i = 2; i < inputs.Count; i++) sum = sum + inputs[i];
        return sum;
    }

    /// <inheritdoc/>
    protected internal override Tensor Call(Tensor x, bool training) =>
        throw new InvalidOperationException($"Layer \"{name}\" (Add) merges several tensors; apply it to a list of inputs, not to one tensor.");
}
