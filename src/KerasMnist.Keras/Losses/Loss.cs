using static TorchSharp.torch;

namespace KerasMnist.Keras.Losses;

/// <summary><c>keras.losses.Loss</c>: a per-sample loss reduced to the batch mean (<c>sum_over_batch_size</c>).</summary>
public abstract class Loss
{
    /// <summary>Names the loss.</summary>
    protected Loss(string name) => this.name = name;

    /// <summary><c>loss.name</c>.</summary>
    public string name { get; }

    /// <summary><c>loss(y_true, y_pred)</c>: the batch mean as a scalar tensor. Predictions in the engine's layout.</summary>
    public abstract Tensor Call(Tensor y_true, Tensor y_pred);

    /// <summary>Resolves Keras's string names.</summary>
    public static Loss Get(string name) => name switch
    {
        "sparse_categorical_crossentropy" => new SparseCategoricalCrossentropy(),
        "categorical_crossentropy" => new CategoricalCrossentropy(),
        _ => throw new ArgumentException(
            $"Unknown loss function '{name}'. Valid names: sparse_categorical_crossentropy, categorical_crossentropy."),
    };
}

/// <summary>
/// <c>keras.losses.SparseCategoricalCrossentropy</c>: integer labels against logits (<c>from_logits: true</c>:
/// log-softmax then NLL) or probabilities (renormalised to sum 1, clipped to [1e-7, 1 − 1e-7], log, as
/// Keras's torch backend does).
/// </summary>
public sealed class SparseCategoricalCrossentropy : Loss
{
    const double Epsilon = 1e-7;

    /// <summary>See <c>keras.losses.SparseCategoricalCrossentropy</c>.</summary>
    public SparseCategoricalCrossentropy(bool from_logits = false, string name = "sparse_categorical_crossentropy")
        : base(name) => this.from_logits = from_logits;

    /// <summary>Whether predictions are logits rather than probabilities.</summary>
    public bool from_logits { get; }

    /// <inheritdoc/>
    public override Tensor Call(Tensor y_true, Tensor y_pred)
    {
        if (y_pred.dim() != 2)
            throw new ArgumentException(
                $"SparseCategoricalCrossentropy expects predictions of shape (batch, classes), got ({string.Join(", ", y_pred.shape)}).");
        var labels = SparseLabels.Of(y_true);
        if (labels.shape[0] != y_pred.shape[0])
            throw new ArgumentException(
                $"Labels and predictions disagree on the batch size: {labels.shape[0]} labels for {y_pred.shape[0]} predictions.");
        // cross_entropy is log_softmax + nll_loss in one call: fewer dispatches per training step.
        return from_logits
            ? nn.functional.cross_entropy(y_pred, labels)
            : nn.functional.nll_loss((y_pred / y_pred.sum(1, keepdim: true)).clamp(Epsilon, 1 - Epsilon).log(), labels);
    }
}
