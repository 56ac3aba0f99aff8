using static TorchSharp.torch;

namespace KerasMnist.Keras.Layers;

/// <summary>
/// <c>keras.layers.ZeroPadding2D</c>: adds rows and columns of zeros around each image (channels-last at the API).
/// Keras's padding forms map onto the factory overloads: <c>ZeroPadding2D()</c> = (1, 1), <c>ZeroPadding2D(2)</c>,
/// <c>ZeroPadding2D(padding: (2, 2))</c> (symmetric height, width) and <c>ZeroPadding2D(((1, 2), (3, 4)))</c>
/// ((top, bottom), (left, right)).
/// </summary>
public sealed class ZeroPadding2D : Layer
{
    /// <summary>Pads <paramref name="padding"/> = ((top, bottom), (left, right)) pixels.</summary>
    public ZeroPadding2D(((int top, int bottom) height, (int left, int right) width) padding, string? name = null)
        : base(name)
    {
        var ((top, bottom), (left, right)) = padding;
        if (top < 0 || bottom < 0 || left < 0 || right < 0)
            throw new ArgumentException(
                $"ZeroPadding2D \"{this.name}\" needs non-negative padding, got (({top}, {bottom}), ({left}, {right})).");
        this.padding = padding;
    }

    /// <summary><c>layer.padding</c> in Keras's normalised form ((top, bottom), (left, right)).</summary>
    public ((int top, int bottom) height, (int left, int right) width) padding { get; }

    /// <inheritdoc/>
    protected override void build(Shape input_shape) => compute_output_shape(input_shape); // rejects non-image inputs early

    /// <summary>Any image size, as Keras's input_spec (ndim=4) allows.</summary>
    protected override void EnsureCompatible(Shape input_shape) => compute_output_shape(input_shape);

    /// <inheritdoc/>
    public override Shape compute_output_shape(Shape input_shape)
    {
        if (input_shape.Rank != 3)
            throw new ArgumentException(
                $"Input 0 of layer \"{name}\" is incompatible with the layer: expected ndim=4 (batch, height, width, channels), " +
                $"found ndim={input_shape.Rank + 1}. Full shape received: {input_shape.ToBatchString()}");
        return new Shape(
            input_shape[0] + padding.height.top + padding.height.bottom,
            input_shape[1] + padding.width.left + padding.width.right,
            input_shape[2]);
    }

    /// <inheritdoc/>
    protected internal override Tensor Call(Tensor x, bool training) =>
        // Inside, images are indexed (N, C, H, W): torch's pad lists the last axis (width) first.
        nn.functional.pad(x, [padding.width.left, padding.width.right, padding.height.top, padding.height.bottom]);
}
