using static TorchSharp.torch;

namespace KerasMnist.Keras.Layers;

/// <summary>
/// The shared shape logic of <see cref="GlobalAveragePooling2D"/> and <see cref="GlobalMaxPooling2D"/>
/// (Keras's <c>GlobalPooling2D</c> base): one value per channel, (C,) or (1, 1, C) with <c>keepdims</c>.
/// </summary>
public abstract class GlobalPooling2D : Layer
{
    /// <summary>Names the layer; <paramref name="keepdims"/> keeps the spatial axes with length 1.</summary>
    private protected GlobalPooling2D(bool keepdims, string? name) : base(name)
    {
        this.keepdims = keepdims;
        input_spec = new InputSpec(ndim: 4);
    }

    /// <summary><c>keepdims</c>: output (1, 1, C) instead of (C,).</summary>
    public bool keepdims { get; }

    /// <inheritdoc/>
    public override Shape compute_output_shape(Shape input_shape)
    {
        InputSpec.AssertCompatible(input_spec, input_shape, null, name); // called directly too, not only through Build
        return keepdims ? new Shape(1, 1, input_shape[2]) : new Shape(input_shape[2]);
    }

    /// <summary>Reduces a batch of images (N, H, W, C) over its spatial axes (1, 2).</summary>
    private protected abstract Tensor Reduce(Tensor x, long[] spatial);

    /// <inheritdoc/>
    protected internal override Tensor Call(Tensor x, bool training) => Reduce(x, [1, 2]);
}
