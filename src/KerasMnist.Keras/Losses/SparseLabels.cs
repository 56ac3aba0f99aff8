using static TorchSharp.torch;

namespace KerasMnist.Keras.Losses;

/// <summary>Integer class labels, shape (B,) or (B, 1), as the int64 vector torch's losses and argmax comparisons take.</summary>
internal static class SparseLabels
{
    /// <summary>(B,) int64 labels pass through untouched (the usual case: no extra dispatch per step).</summary>
    public static Tensor Of(Tensor y_true) =>
        y_true.dim() == 1 && y_true.dtype == ScalarType.Int64 ? y_true : y_true.flatten().to_type(ScalarType.Int64);
}
