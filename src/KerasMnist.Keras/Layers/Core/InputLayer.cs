using static TorchSharp.torch;

namespace KerasMnist.Keras.Layers;

/// <summary>
/// <c>keras.layers.InputLayer</c>: the entry of a model; <c>keras.Input(shape)</c> creates one and returns its
/// symbolic tensor. Named <c>input_1</c>, <c>input_2</c>, ... as in Keras 2.
/// </summary>
public sealed class InputLayer : Layer
{
    /// <summary>Creates the input for examples of <paramref name="input_shape"/> (channels-last, no batch).</summary>
    public InputLayer(Shape input_shape, string? name = null)
        : base(name ?? Backend.Naming.Unique("input", zeroBased: false), input_shape)
    {
        Build(input_shape);
    }

    /// <summary>The shape of one example.</summary>
    public Shape input_shape => InputShapeArgument!;

    /// <inheritdoc/>
    public override Shape compute_output_shape(Shape input_shape) => input_shape;

    /// <inheritdoc/>
    protected internal override Tensor Call(Tensor x, bool training) => x;
}
