using static TorchSharp.torch;

namespace KerasMnist.Keras.Losses;

/// <summary>
/// <c>keras.losses.CategoricalCrossentropy</c>: one-hot labels (batch, classes) against logits (<c>from_logits: true</c>:
/// log-softmax) or probabilities (renormalised to sum 1, clipped to [1e-7, 1 − 1e-7], log, as Keras's torch backend
/// does); the per-sample <c>−Σ y·log p</c> averaged over the batch. Integer labels need
/// <c>keras.utils.to_categorical</c> first (or <see cref="SparseCategoricalCrossentropy"/>, the same value).
/// </summary>
public sealed class CategoricalCrossentropy : Loss
{
    const double Epsilon = 1e-7;

    /// <summary>See <c>keras.losses.CategoricalCrossentropy</c> (label_smoothing 0, axis -1).</summary>
    public CategoricalCrossentropy(bool from_logits = false, string name = "categorical_crossentropy")
        : base(name) => this.from_logits = from_logits;

    /// <summary>Whether predictions are logits rather than probabilities.</summary>
    public bool from_logits { get; }

    /// <inheritdoc/>
    public override Tensor Call(Tensor y_true, Tensor y_pred)
    {
        if (y_pred.dim() != 2)
            throw new ArgumentException(
                $"CategoricalCrossentropy expects predictions of shape (batch, classes), got ({string.Join(", ", y_pred.shape)}).");
        if (!y_true.shape.SequenceEqual(y_pred.shape))
            throw new ArgumentException(
                $"CategoricalCrossentropy needs one-hot labels of the predictions' shape ({string.Join(", ", y_pred.shape)}), " +
                $"got labels of shape ({string.Join(", ", y_true.shape)}). Integer class labels: use " +
                "keras.utils.to_categorical(y, num_classes) or SparseCategoricalCrossentropy.");
        var logProbabilities = from_logits
            ? nn.functional.log_softmax(y_pred, 1)
            : (y_pred / y_pred.sum(1, keepdim: true)).clamp(Epsilon, 1 - Epsilon).log();
        return -(y_true.to_type(y_pred.dtype) * logProbabilities).sum(1).mean();
    }
}
