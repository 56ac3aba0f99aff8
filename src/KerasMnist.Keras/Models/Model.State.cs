using static TorchSharp.torch;

namespace KerasMnist.Keras.Models;

/// <summary>
/// What Keras 3's <c>model.get_state_tree()</c> returns: copies of every variable training changes, grouped as there
/// (<c>trainable_variables</c>, <c>non_trainable_variables</c>, <c>optimizer_variables</c>, <c>metrics_variables</c>),
/// as lists in the model's weight order rather than Keras's nested dictionaries by path. Dispose it to free the copies.
/// </summary>
public sealed class StateTree : IDisposable
{
    internal StateTree(List<Tensor> trainable, List<Tensor> nonTrainable, List<Tensor> optimizer, List<Tensor> metrics)
    {
        trainable_variables = trainable;
        non_trainable_variables = nonTrainable;
        optimizer_variables = optimizer;
        metrics_variables = metrics;
    }

    /// <summary>The trainable weights' values, in <c>model.trainable_weights</c> order (engine layout).</summary>
    public IReadOnlyList<Tensor> trainable_variables { get; }

    /// <summary>The other weights (BatchNormalization's moving statistics, frozen layers), in <c>model.non_trainable_weights</c> order.</summary>
    public IReadOnlyList<Tensor> non_trainable_variables { get; }

    /// <summary>The optimizer's iteration count, then its slots per trainable weight (Adam: momentum, velocity); empty before compile.</summary>
    public IReadOnlyList<Tensor> optimizer_variables { get; }

    /// <summary>Each metric's running sums (total, count) as float32 pairs, the loss tracker first (<c>model.metrics</c> order).</summary>
    public IReadOnlyList<Tensor> metrics_variables { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var t in trainable_variables.Concat(non_trainable_variables).Concat(optimizer_variables).Concat(metrics_variables))
            t.Dispose();
    }
}

public abstract partial class Model
{
    /// <summary>
    /// <c>model.get_state_tree()</c>: copies of the weights, the optimizer's state and the metrics, so that
    /// <see cref="set_state_tree"/> can later put the model back exactly (bit for bit) as it is now, e.g. around steps
    /// that measure or try something. torch's random generator is process state, not the model's, and is not included.
    /// </summary>
    /// <remarks>A model not built yet has no weights to copy: build it first (<c>model.Build(shape)</c>) when the state
    /// must cover the weights its first batch would create.</remarks>
    public StateTree get_state_tree()
    {
        using var _ = no_grad();
        var trainable = trainable_weights.ToList();
        static Tensor Copy(Tensor t) => t.detach().clone().DetachFromDisposeScope();
        return new StateTree(
            trainable.Select(v => Copy(v.Value)).ToList(),
            non_trainable_weights.Select(v => Copy(v.Value)).ToList(),
            optimizer?.CopyState(trainable) ?? [],
            metrics.Select(m => tensor(new[] { m.State.total, m.State.count }).DetachFromDisposeScope()).ToList());
    }

    /// <summary><c>model.set_state_tree(state)</c>: overwrites weights, optimizer state and metrics with <paramref name="state"/>'s copies.</summary>
    /// <exception cref="ArgumentException">The state was taken from another model, or before trainable flags or the compile changed.</exception>
    public void set_state_tree(StateTree state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var trainable = trainable_weights.ToList();
        var frozen = non_trainable_weights.ToList();
        var metricList = metrics;
        bool optimizerMatches = optimizer is null ? state.optimizer_variables.Count == 0 : state.optimizer_variables.Count > 0;
        if (state.trainable_variables.Count != trainable.Count || state.non_trainable_variables.Count != frozen.Count
            || state.metrics_variables.Count != metricList.Count || !optimizerMatches
            || !trainable.Concat(frozen).Zip(state.trainable_variables.Concat(state.non_trainable_variables))
                .All(p => p.First.Value.shape.SequenceEqual(p.Second.shape)))
            throw new ArgumentException(
                $"set_state_tree: the state does not fit model \"{name}\" as it is now ({trainable.Count} trainable and {frozen.Count} " +
                $"other weights, {metricList.Count} metrics): take it with get_state_tree() from this model, after compile, with the same trainable flags.");
        foreach (var (variable, value) in trainable.Concat(frozen).Zip(state.trainable_variables.Concat(state.non_trainable_variables)))
            variable.Assign(value);
        optimizer?.LoadState(trainable, state.optimizer_variables);
        foreach (var (metric, sums) in metricList.Zip(state.metrics_variables))
            metric.State = (sums[0].item<float>(), sums[1].item<float>());
    }
}
