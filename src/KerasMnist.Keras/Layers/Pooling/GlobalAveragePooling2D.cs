using static TorchSharp.torch;

namespace KerasMnist.Keras.Layers;

/// <summary><c>keras.layers.GlobalAveragePooling2D</c>: the mean of each channel over height and width → (C,).</summary>
[LayersApiFactory]
public sealed class GlobalAveragePooling2D : GlobalPooling2D
{
    /// <summary>See <c>keras.layers.GlobalAveragePooling2D</c>.</summary>
    public GlobalAveragePooling2D(bool keepdims = false, string? name = null) : base(keepdims, name) { }

    private protected override Tensor Reduce(Tensor x, long[] spatial) => x.mean(spatial, keepdim: keepdims);
}
