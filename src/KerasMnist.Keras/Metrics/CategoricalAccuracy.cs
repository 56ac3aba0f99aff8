using static TorchSharp.torch;

namespace KerasMnist.Keras.Metrics;

/// <summary>
/// <c>keras.metrics.CategoricalAccuracy</c>: the fraction of samples whose predicted class (argmax) is the one-hot
/// label's class. What <c>"accuracy"</c> means for a model compiled with <c>categorical_crossentropy</c>.
/// </summary>
public sealed class CategoricalAccuracy : Metric
{
    /// <summary>See <c>keras.metrics.CategoricalAccuracy</c>.</summary>
    public CategoricalAccuracy(string name = "categorical_accuracy") : base(name) { }

    /// <inheritdoc/>
    public override void update_state(Tensor y_true, Tensor y_pred)
    {
        if (y_true.dim() != 2 || y_true.shape[1] != y_pred.shape[^1])
            throw new ArgumentException(
                $"CategoricalAccuracy needs one-hot labels of shape (batch, {y_pred.shape[^1]}), got ({string.Join(", ", y_true.shape)}). " +
                "Integer class labels: use keras.utils.to_categorical(y, num_classes) or SparseCategoricalAccuracy.");
        using var _ = no_grad();
        using var truth = y_true.argmax(1);
        using var predicted = y_pred.argmax(1);
        using var correct = predicted.eq_(truth).sum();
        Accumulate(correct.item<long>(), y_true.shape[0]);
    }
}
