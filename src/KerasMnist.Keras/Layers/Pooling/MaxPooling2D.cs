using KerasMnist.Keras.Backend;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Layers;

/// <summary><c>keras.layers.MaxPooling2D</c> (alias <c>MaxPool2D</c>): pool_size (2, 2), strides = pool_size, valid padding by default.</summary>
public sealed class MaxPooling2D : Layer
{
    (int top, int bottom, int left, int right) pad;

    /// <summary>See <c>keras.layers.MaxPooling2D</c>.</summary>
    public MaxPooling2D(Shape? pool_size = null, Shape? strides = null, string padding = "valid", string? name = null)
        : base(name)
    {
        this.pool_size = pool_size is null ? Shape.Repeat(2, 2) : pool_size.Rank == 1 ? Shape.Repeat(pool_size[0], 2) : pool_size;
        this.strides = strides is null ? this.pool_size : strides.Rank == 1 ? Shape.Repeat(strides[0], 2) : strides;
        this.padding = Padding.Validate(padding, this.name);
    }

#pragma warning disable CS1591
    public Shape pool_size { get; }
    public Shape strides { get; }
    public string padding { get; }
#pragma warning restore CS1591

    /// <inheritdoc/>
    protected override void build(Shape input_shape)
    {
        if (padding != "same") return;
        var (t, b) = Padding.Same(input_shape[0], pool_size[0], strides[0]);
        var (l, r) = Padding.Same(input_shape[1], pool_size[1], strides[1]);
        pad = (t, b, l, r);
    }

    /// <inheritdoc/>
    public override Shape compute_output_shape(Shape input_shape) => new(
        Padding.OutputLength(input_shape[0], pool_size[0], strides[0], padding),
        Padding.OutputLength(input_shape[1], pool_size[1], strides[1], padding),
        input_shape[2]);

    /// <inheritdoc/>
    protected internal override Tensor Call(Tensor x, bool training)
    {
        // "same" pads with -inf so the padding never wins the max, as TensorFlow's pooling ignores it.
        if (pad != default)
            x = nn.functional.pad(x, [pad.left, pad.right, pad.top, pad.bottom], value: double.NegativeInfinity);
        return nn.functional.max_pool2d(x, [pool_size[0], pool_size[1]], [strides[0], strides[1]]);
    }
}
