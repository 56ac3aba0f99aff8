using static TorchSharp.torch;

namespace KerasMnist.Keras.Backend;

/// <summary>
/// Keras speaks channels-last (NHWC); libtorch's convolutions are fastest channels-first (NCHW).
/// Tensors cross between the two only at a model's edges (and before Flatten, so Dense weights keep
/// Keras's H, W, C order), never per layer.
/// </summary>
internal static class Layout
{
    /// <summary>NHWC at the API → NCHW inside; other ranks pass through.</summary>
    public static Tensor ToInternal(Tensor x)
    {
        if (x.dim() != 4) return x;
        // With one channel a permuted NHWC view has exactly channels_last strides, and libtorch would then run
        // every convolution in its (much slower, here 10x) channels_last kernels; unsqueeze gives plain NCHW strides.
        return x.shape[3] == 1 ? x.squeeze(3).unsqueeze(1) : x.permute(0, 3, 1, 2).contiguous();
    }

    /// <summary>NCHW inside → NHWC at the API; other ranks pass through.</summary>
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
