using static TorchSharp.torch;

namespace KerasMnist.Keras.Layers;

/// <summary>
/// The shared shape logic of <see cref="GlobalAveragePooling2D"/> and <see cref="GlobalMaxPooling2D"/>
/// (Keras's <c>GlobalPooling2D</c> base): one value per channel, (C,) or (1, 1, C) with <c>keepdims</c>.
/// </summary>
public abstract class GlobalPooling2D : Layer
{
    /// <summary>Names the layer; <paramref name="keepdims"/> keeps the spatial axes with length 1.</summary>
    private protected GlobalPooling2D(bool keepdims, string? name) : base(name) => this.keepdims = keepdims;

    /// <summary><c>keepdims</c>: output (1, 1, C) instead of (C,).</summary>
    public bool keepdims { get; }

    /// <inheritdoc/>
    protected override void build(Shape input_shape) => compute_output_shape(input_shape);

    /// <summary>Any image size, as Keras's input_spec (ndim=4) allows.</summary>
    protected override void EnsureCompatible(Shape input_shape) => compute_output_shape(input_shape);

    /// <inheritdoc/>
    public override Shape compute_output_shape(Shape input_shape)
    {
        if (input_shape.Rank != 3)
            throw new ArgumentException(
                $"Input 0 of layer \"{name}\" is incompatible with the layer: expected ndim=4 (batch, height, width, channels), " +
                $"found ndim={input_shape.Rank + 1}. Full shape received: {input_shape.ToBatchString()}");
        return keepdims ? new Shape(1, 1, input_shape[2]) : new Shape(input_shape[2]);
    }

    /// <summary>Reduces an internal (N, C, H, W)-indexed tensor over its spatial axes (2, 3).</summary>
    private protected abstract Tensor Reduce(Tensor x, long[] spatial);

    /// <inheritdoc/>
    protected internal override Tensor Call(Tensor x, bool training) => Reduce(x, [2, 3]);
}
