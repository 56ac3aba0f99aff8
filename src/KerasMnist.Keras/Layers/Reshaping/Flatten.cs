using static TorchSharp.torch;

namespace KerasMnist.Keras.Layers;

/// <summary>
/// <c>keras.layers.Flatten</c>: flattens each example in Keras's (H, W, C) order, so Dense kernels after it
/// have the same layout as in Keras. <c>input_shape</c> is honoured on a first layer and ignored elsewhere,
/// as Keras does (the notebook's CNN passes one to a middle Flatten).
/// </summary>
[LayersApiFactory]
public sealed class Flatten : Layer
{
    /// <summary>See <c>keras.layers.Flatten</c>.</summary>
    public Flatten(Shape? input_shape = null, string? name = null) : base(name, input_shape) => input_spec = new InputSpec(min_ndim: 1);

    /// <inheritdoc/>
    public override Shape compute_output_shape(Shape input_shape) => new((int)input_shape.Size);

    /// <inheritdoc/>
    protected internal override Tensor Call(Tensor x, bool training) => x.reshape(x.shape[0], -1); // a view of channels-last memory
}
