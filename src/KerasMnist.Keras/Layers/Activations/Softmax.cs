using static TorchSharp.torch;

namespace KerasMnist.Keras.Layers;

/// <summary><c>keras.layers.Softmax(axis=-1)</c>: softmax over a Keras axis (default the last, the channels of an image).</summary>
public sealed class Softmax : Layer
{
    int internalAxis = -1;

    /// <summary>See <c>keras.layers.Softmax</c>.</summary>
    public Softmax(int axis = -1, string? name = null) : base(name) => this.axis = axis;

    /// <summary>The Keras axis normalised over.</summary>
    public int axis { get; }

    /// <inheritdoc/>
    protected override void build(Shape input_shape) => internalAxis = Axes.ToInternal(axis, input_shape, name);

    /// <summary>Any shape of the rank it was built for (the axis was resolved for that rank).</summary>
    protected override void EnsureCompatible(Shape input_shape)
    {
        if (input_shape.Rank != BuiltInputShape!.Rank)
            throw new ArgumentException(
                $"Input 0 of layer \"{name}\" is incompatible with the layer: expected ndim={BuiltInputShape.Rank + 1}, " +
                $"found ndim={input_shape.Rank + 1}. Full shape received: {input_shape.ToBatchString()}");
    }

    /// <inheritdoc/>
    public override Shape compute_output_shape(Shape input_shape) => input_shape;

    /// <inheritdoc/>
    protected internal override Tensor Call(Tensor x, bool training) => nn.functional.softmax(x, internalAxis);
}
