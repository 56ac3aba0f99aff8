using static TorchSharp.torch;

namespace KerasMnist.Keras.Backend;

/// <summary>
/// Every tensor between layers is in Keras's layout, channels-last (NHWC for images). libtorch's image kernels
/// (convolution, pooling, batch norm) index images as (N, C, H, W); they get a channels-first <em>view</em> of the
/// channels-last memory (torch's <c>channels_last</c> memory format) inside the layer's own call and hand back a view
/// in Keras's layout, so the crossing is a free permute and no (N, C, H, W) tensor ever leaves a layer. libtorch keeps
/// that format through convolutions, pooling, batch norm and element-wise ops, and its channels-last kernels are the
/// faster ones here: the notebook's CNN trains 1.4x faster per epoch than with contiguous NCHW tensors (max pooling
/// alone 2x), ResNet50 about 5 % (docs/performance.md).
/// </summary>
internal static class Layout
{
    /// <summary>Images (N, H, W, C) → the (N, C, H, W) view of the same memory libtorch's image kernels take.</summary>
    public static Tensor ChannelsFirstView(Tensor images) => images.permute(0, 3, 1, 2);

    /// <summary>A kernel's (N, C, H, W) result → Keras's (N, H, W, C) (contiguous when the memory is channels-last).</summary>
    public static Tensor ChannelsLastView(Tensor images) => images.permute(0, 2, 3, 1);

    /// <summary>
    /// Runs an image kernel on inputs of rank 4 or more, (..., H, W, C): leading axes are folded into one batch axis
    /// (as tf.keras's convolutions do), the kernel sees the (N, C, H, W) view, and the result comes back unfolded in
    /// Keras's layout.
    /// </summary>
    public static Tensor OnImages(Tensor x, Func<Tensor, Tensor> kernel)
    {
        if (x.dim() == 4) return ChannelsLastView(kernel(ChannelsFirstView(x)));
        var leading = x.shape[..^3];
        var y = ChannelsLastView(kernel(ChannelsFirstView(x.reshape([-1, .. x.shape[^3..]]))));
        return y.reshape([.. leading, .. y.shape[1..]]);
    }
}
