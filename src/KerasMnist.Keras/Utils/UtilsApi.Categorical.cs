using static TorchSharp.torch;

namespace KerasMnist.Keras;

public sealed partial class UtilsApi
{
    /// <summary>
    /// <c>keras.utils.to_categorical(y, num_classes)</c>: integer class labels of shape (n,) (or (n, 1)) as one-hot float32
    /// rows of shape (n, <paramref name="num_classes"/>), what a model compiled with <c>categorical_crossentropy</c>
    /// expects. Throws <see cref="ArgumentException"/> for a label outside [0, num_classes).
    /// </summary>
    public Tensor to_categorical(Tensor y, int num_classes)
    {
        if (num_classes < 1) throw new ArgumentException($"num_classes must be at least 1, got {num_classes}.");
        using var labels = y.flatten().to_type(ScalarType.Int64);
        if (labels.numel() > 0)
        {
            long low = labels.min().item<long>(), high = labels.max().item<long>();
            if (low < 0 || high >= num_classes)
                throw new ArgumentException($"to_categorical: labels must lie in [0, {num_classes}), found {(low < 0 ? low : high)}.");
        }
        using var oneHot = nn.functional.one_hot(labels, num_classes);
        return oneHot.to_type(ScalarType.Float32);
    }
}
