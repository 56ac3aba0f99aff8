using static TorchSharp.torch;

namespace KerasMnist.Keras.Layers;

/// <summary><c>keras.layers.Softmax(axis=-1)</c>: softmax over a Keras axis (default the last, the channels of an image).</summary>
[LayersApiFactory]
public sealed class Softmax : Layer
{
    /// <summary>See <c>keras.layers.Softmax</c>.</summary>
    public Softmax(int axis = -1, string? name = null) : base(name) => this.axis = axis;

    /// <summary>The Keras axis normalised over.</summary>
    public int axis { get; }

    /// <summary>Any rank that has <see cref="axis"/>.</summary>
    public override Shape compute_output_shape(Shape input_shape)
    {
        Axes.Normalize(axis, input_shape, name);
        return input_shape;
    }

    /// <inheritdoc/>
    protected override void build(Shape input_shape) => Axes.Normalize(axis, input_shape, name);

    /// <inheritdoc/>
    protected internal override Tensor Call(Tensor x, bool training) =>
        nn.functional.softmax(x, Axes.Normalize(axis, new Shape(x.shape.Skip(1).Select(d => (int)d).ToArray()), name));
}
