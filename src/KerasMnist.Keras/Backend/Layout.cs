using static TorchSharp.torch;

namespace KerasMnist.Keras.Backend;

/// <summary>
/// Keras speaks channels-last (NHWC); libtorch's layers index images as (N, C, H, W). Inside, a 4-D tensor is
/// a channels-first <em>view</em> of channels-last memory (torch's <c>channels_last</c> memory format), so
/// crossing between the two is a free permute at a model's edges, and Flatten's (H, W, C) order is a view too.
/// libtorch keeps that format through convolutions, pooling, batch norm and element-wise ops, and its
/// channels-last kernels are the faster ones here: the notebook's CNN trains 1.4x faster per epoch than with
/// contiguous NCHW tensors (max pooling alone 2x), ResNet50 about 5 % (docs/performance.md).
/// </summary>
internal static class Layout
{
    /// <summary>NHWC at the API → the internal (N, C, H, W) view of the same memory; other ranks pass through.</summary>
    public static Tensor ToInternal(Tensor x) => x.dim() == 4 ? x.permute(0, 3, 1, 2) : x;

    /// <summary>Internal (N, C, H, W) → NHWC at the API (contiguous when the memory is channels-last); other ranks pass through.</summary>
    public static Tensor ToKeras(Tensor x) => x.dim() == 4 ? x.permute(0, 2, 3, 1) : x;

    /// <summary>The Keras shape (no batch) of an internal tensor.</summary>
    public static Shape KerasShape(Tensor x)
    {
        var s = x.shape;
        return s.Length == 4
            ? new Shape((int)s[2], (int)s[3], (int)s[1])
            : new Shape(s.Skip(1).Select(d => (int)d).ToArray());
    }
}
