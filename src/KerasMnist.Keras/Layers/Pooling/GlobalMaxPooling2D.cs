using static TorchSharp.torch;

namespace KerasMnist.Keras.Layers;

/// <summary><c>keras.layers.GlobalMaxPooling2D</c>: the maximum of each channel over height and width → (C,).</summary>
[LayersApiFactory]
public sealed class GlobalMaxPooling2D : GlobalPooling2D
{
    /// <summary>See <c>keras.layers.GlobalMaxPooling2D</c>.</summary>
    public GlobalMaxPooling2D(bool keepdims = false, string? name = null) : base(keepdims, name) { }

    private protected override Tensor Reduce(Tensor x, long[] spatial) => x.amax(spatial, keepdim: keepdims);
}
