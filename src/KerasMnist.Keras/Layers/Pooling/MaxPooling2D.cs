using KerasMnist.Keras.Backend;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Layers;

/// <summary><c>keras.layers.MaxPooling2D</c> (alias <c>MaxPool2D</c>): pool_size (2, 2), strides = pool_size, valid padding by default.</summary>
[LayersApiFactory("MaxPooling2D", "MaxPool2D")]
public sealed class MaxPooling2D : Layer
{
    /// <summary>See <c>keras.layers.MaxPooling2D</c>.</summary>
    public MaxPooling2D(Shape? pool_size = null, Shape? strides = null, string padding = "valid", string? name = null)
        : base(name)
    {
        this.pool_size = pool_size is null ? Shape.Repeat(2, 2) : pool_size.Rank == 1 ? Shape.Repeat(pool_size[0], 2) : pool_size;
        this.strides = strides is null ? this.pool_size : strides.Rank == 1 ? Shape.Repeat(strides[0], 2) : strides;
        this.padding = Padding.Validate(padding, this.name);
        input_spec = new InputSpec(ndim: 4);
    }

#pragma warning disable CS1591
    public Shape pool_size { get; }
    public Shape strides { get; }
    public string padding { get; }
#pragma warning restore CS1591

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">A "valid" pool larger than the image: no output pixel.</exception>
    public override Shape compute_output_shape(Shape input_shape)
    {
        InputSpec.AssertCompatible(input_spec, input_shape, null, name); // called directly too, not only through Build
        var output = new Shape(
            Padding.OutputLength(input_shape[0], pool_size[0], strides[0], padding),
            Padding.OutputLength(input_shape[1], pool_size[1], strides[1], padding),
            input_shape[2]);
        if (output[0] == 0 || output[1] == 0)
            throw new ArgumentException(
                $"Computed output size would be negative for layer \"{name}\": input shape {input_shape.ToBatchString()}, " +
                $"pool_size={pool_size}, strides={strides}, padding=\"{padding}\". Use padding=\"same\" or a smaller pool_size.");
        return output;
    }

    /// <inheritdoc/>
    protected internal override Tensor Call(Tensor x, bool training) => Layout.OnImages(x, images =>
    {
        // "same" pads with -inf so the padding never wins the max, as TensorFlow's pooling ignores it.
        if (padding == "same")
        {
            var (top, bottom) = Padding.Same((int)images.shape[2], pool_size[0], strides[0]);
            var (left, right) = Padding.Same((int)images.shape[3], pool_size[1], strides[1]);
            if ((top, bottom, left, right) != default)
                images = nn.functional.pad(images, [left, right, top, bottom], value: double.NegativeInfinity);
        }
        return nn.functional.max_pool2d(images, [pool_size[0], pool_size[1]], [strides[0], strides[1]]);
    });
}
