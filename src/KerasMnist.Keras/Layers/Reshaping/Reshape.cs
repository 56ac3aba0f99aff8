using static TorchSharp.torch;

namespace KerasMnist.Keras.Layers;

/// <summary>
/// <c>keras.layers.Reshape(target_shape)</c>: gives each example the shape <c>target_shape</c> (no batch dimension,
/// channels-last; one entry may be -1 and is inferred), reading the values in Keras's row-major (H, W, C) order.
/// MNIST models saved with a (28, 28) input use it to add the channel axis: <c>Reshape((28, 28, 1))</c>.
/// </summary>
[LayersApiFactory]
public sealed class Reshape : Layer
{
    /// <summary>See <c>keras.layers.Reshape</c>. Throws <see cref="ArgumentException"/> for more than one -1 or other negative sizes.</summary>
    public Reshape(int[] target_shape, string? name = null) : base(name)
    {
        if (target_shape.Count(d => d == -1) > 1 || target_shape.Any(d => d < -1))
            throw new ArgumentException(
                $"Reshape \"{this.name}\": target_shape may hold one -1 (inferred) and otherwise sizes >= 0, got ({string.Join(", ", target_shape)}).");
        this.target_shape = (int[])target_shape.Clone();
    }

    /// <summary>The shape of one example after the layer, as given (-1 for the inferred axis).</summary>
    public int[] target_shape { get; }

    /// <inheritdoc/>
    public override Shape compute_output_shape(Shape input_shape)
    {
        long known = target_shape.Where(d => d != -1).Aggregate(1L, (a, d) => a * d);
        var dims = target_shape.ToArray();
        int unknown = Array.IndexOf(dims, -1);
        if (unknown >= 0 && known > 0 && input_shape.Size % known == 0) dims[unknown] = (int)(input_shape.Size / known);
        if (dims.Any(d => d < 0) || dims.Aggregate(1L, (a, d) => a * d) != input_shape.Size)
            throw new ArgumentException(
                $"The total size of the target tensor is not compatible with the input of layer \"{name}\": " +
                $"target_shape=({string.Join(", ", target_shape)}), input shape {input_shape.ToBatchString()}.");
        return new Shape(dims);
    }

    /// <inheritdoc/>
    protected internal override Tensor Call(Tensor x, bool training)
    {
        var example = new Shape(x.shape.Skip(1).Select(d => (int)d).ToArray());
        return x.reshape(compute_output_shape(example).WithBatch(x.shape[0]));
    }
}
