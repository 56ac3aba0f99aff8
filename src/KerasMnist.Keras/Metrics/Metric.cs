using static TorchSharp.torch;

namespace KerasMnist.Keras.Metrics;

/// <summary>
/// <c>keras.metrics.Metric</c>: a stateful mean over every sample seen since the last reset. As Keras's <c>Mean</c>, the
/// state is two float32 variables, <c>total</c> and <c>count</c>, updated with float32 additions, and the result is their
/// float32 quotient; <see cref="result"/> returns that float32 value as a double, as Keras's logs convert it to a Python
/// float (an accuracy of 9741/10000 is 0.9740999937057495, not 0.9741).
/// </summary>
public abstract class Metric
{
    float total;
    float count;

    /// <summary>Names the metric (the key in logs and History).</summary>
    protected Metric(string name) => this.name = name;

    /// <summary><c>metric.name</c>.</summary>
    public string name { get; }

    /// <summary><c>metric.update_state(y_true, y_pred)</c>.</summary>
    public abstract void update_state(Tensor y_true, Tensor y_pred);

    /// <summary><c>metric.result()</c>: total / count in float32 so far (0 before any update: Keras's divide_no_nan).</summary>
    public double result() => count == 0 ? 0 : total / count;

    /// <summary><c>metric.reset_state()</c>.</summary>
    public void reset_state() => (total, count) = (0, 0);

    /// <summary>The running float32 sums, for <c>get_state_tree</c> / <c>set_state_tree</c> (Keras's metric variables).</summary>
    internal (float total, float count) State
    {
        get => (total, count);
        set => (total, count) = value;
    }

    /// <summary>Adds <paramref name="sum"/> over <paramref name="n"/> samples, each a float32 <c>assign_add</c> as in Keras.</summary>
    protected void Accumulate(float sum, float n)
    {
        total += sum;
        count += n;
    }

    /// <summary>Resolves Keras's string names; <c>"accuracy"</c> means sparse categorical accuracy for integer labels.</summary>
    public static Metric Get(string name) => Get(name, null);

    /// <summary>
    /// Resolves Keras's string names against the compiled <paramref name="loss"/>, as Keras does: <c>"accuracy"</c>
    /// (or <c>"acc"</c>) is categorical accuracy for a model compiled with categorical cross-entropy (one-hot labels)
    /// and sparse categorical accuracy otherwise (integer labels); either way it is logged as <c>accuracy</c>.
    /// </summary>
    public static Metric Get(string name, Losses.Loss? loss) => name switch
    {
        "accuracy" or "acc" when loss is Losses.CategoricalCrossentropy => new CategoricalAccuracy(name: name),
        "accuracy" or "acc" => new SparseCategoricalAccuracy(name: name),
        "sparse_categorical_accuracy" => new SparseCategoricalAccuracy(),
        "categorical_accuracy" => new CategoricalAccuracy(),
        _ => throw new ArgumentException(
            $"Unknown metric '{name}'. Valid names: accuracy, acc, sparse_categorical_accuracy, categorical_accuracy."),
    };
}

/// <summary><c>keras.metrics.Mean</c>: a weighted running mean of values (fit uses one for the loss).</summary>
public sealed class Mean : Metric
{
    /// <summary>See <c>keras.metrics.Mean</c>.</summary>
    public Mean(string name = "mean") : base(name) { }

    /// <summary>
    /// Adds a value with weight <paramref name="sample_weight"/>: both cast to float32 and multiplied in float32, as Keras's
    /// loss tracker adds a batch's mean loss weighted by the batch size.
    /// </summary>
    public void update_state(double value, double sample_weight = 1)
    {
        float weight = (float)sample_weight;
        Accumulate((float)value * weight, weight);
    }

    /// <summary>Not used for Mean: it averages scalars, not predictions.</summary>
    public override void update_state(Tensor y_true, Tensor y_pred) =>
        throw new NotSupportedException("Mean averages scalar values: call update_state(value, sample_weight).");
}

/// <summary><c>keras.metrics.SparseCategoricalAccuracy</c>: the fraction of samples whose argmax equals the integer label.</summary>
public sealed class SparseCategoricalAccuracy : Metric
{
    /// <summary>See <c>keras.metrics.SparseCategoricalAccuracy</c>.</summary>
    public SparseCategoricalAccuracy(string name = "sparse_categorical_accuracy") : base(name) { }

    /// <inheritdoc/>
    public override void update_state(Tensor y_true, Tensor y_pred)
    {
        using var _ = no_grad();
        var labels = Losses.SparseLabels.Of(y_true);
        using var predicted = y_pred.argmax(1);
        using var correct = predicted.eq_(labels).sum();
        Accumulate(correct.item<long>(), labels.shape[0]);
    }
}
