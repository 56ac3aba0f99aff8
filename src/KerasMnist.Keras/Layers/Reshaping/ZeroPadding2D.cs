using static TorchSharp.torch;

namespace KerasMnist.Keras.Layers;

/// <summary>
/// <c>keras.layers.ZeroPadding2D</c>: adds rows and columns of zeros around each image (channels-last at the API).
/// Keras's padding forms map onto the factory overloads: <c>ZeroPadding2D()</c> = (1, 1), <c>ZeroPadding2D(2)</c>,
/// <c>ZeroPadding2D(padding: (2, 2))</c> (symmetric height, width) and <c>ZeroPadding2D(((1, 2), (3, 4)))</c>
/// ((top, bottom), (left, right)).
/// </summary>
[LayersApiFactory]
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
        input_spec = new InputSpec(ndim: 4);
    }

    /// <summary><c>layer.padding</c> in Keras's normalised form ((top, bottom), (left, right)).</summary>
    public ((int top, int bottom) height, (int left, int right) width) padding { get; }

    /// <inheritdoc/>
    public override Shape compute_output_shape(Shape input_shape)
    {
        InputSpec.AssertCompatible(input_spec, input_shape, null, name); // called directly too, not only through Build
        return new Shape(
            input_shape[0] + padding.height.top + padding.height.bottom,
            input_shape[1] + padding.width.left + padding.width.right,
            input_shape[2]);
    }

    /// <inheritdoc/>
    protected internal override Tensor Call(Tensor x, bool training) =>
        // torch's pad lists the last axis first: channels (none), then width, then height.
        nn.functional.pad(x, [0, 0, padding.width.left, padding.width.right, padding.height.top, padding.height.bottom]);
}

/// <summary><c>keras.layers.ZeroPadding2D</c>'s other padding forms (the ((top, bottom), (left, right)) form is generated).</summary>
public sealed partial class LayersApi
{
    /// <summary><c>keras.layers.ZeroPadding2D()</c>: Keras's default padding (1, 1), one pixel on every side.</summary>
    public ZeroPadding2D ZeroPadding2D(string? name = null) => new(((1, 1), (1, 1)), name);

    /// <summary><c>keras.layers.ZeroPadding2D(padding=2)</c>: the same padding on all four sides.</summary>
    public ZeroPadding2D ZeroPadding2D(int padding, string? name = null) => new(((padding, padding), (padding, padding)), name);

    /// <summary><c>keras.layers.ZeroPadding2D(padding=(2, 2))</c>: (symmetric height, symmetric width) padding.</summary>
    public ZeroPadding2D ZeroPadding2D((int height, int width) padding, string? name = null)
        => new(((padding.height, padding.height), (padding.width, padding.width)), name);
}
