using static TorchSharp.torch;

namespace KerasMnist.Keras.Layers;

/// <summary>
/// <c>keras.layers.Flatten</c>: flattens each example in Keras's (H, W, C) order, so Dense kernels after it
/// have the same layout as in Keras. <c>input_shape</c> is honoured on a first layer and ignored elsewhere,
/// as Keras does (the notebook's CNN passes one to a middle Flatten).
/// </summary>
public sealed class Flatten : Layer
{
    /// <summary>See <c>keras.layers.Flatten</c>.</summary>
    public Flatten(Shape? input_shape = null, string? name = null) : base(name, input_shape) { }

    /// <inheritdoc/>
    public override Shape compute_output_shape(Shape input_shape) => new((int)input_shape.Size);

    /// <inheritdoc/>
    protected internal override Tensor Call(Tensor x, bool training)
    {
        // Keras flattens in (H, W, C) order; inside, images are (N, C, H, W) views of channels-last memory, so this is a view.
        var nhwc = x.dim() == 4 ? x.permute(0, 2, 3, 1) : x;
        return nhwc.reshape(x.shape[0], -1);
    }
}
