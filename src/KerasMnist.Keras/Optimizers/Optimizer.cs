using KerasMnist.Keras.Backend;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Optimizers;

/// <summary><c>keras.optimizers.Optimizer</c>: updates trainable variables from their gradients.</summary>
public abstract class Optimizer
{
    /// <summary>Sets the learning rate; it must be a positive finite number.</summary>
    protected Optimizer(float learning_rate, string name)
    {
        if (!(learning_rate > 0) || float.IsInfinity(learning_rate))
            throw new ArgumentException($"learning_rate must be a positive number, got {learning_rate}.");
        this.learning_rate = learning_rate;
        this.name = name;
    }

    /// <summary><c>optimizer.learning_rate</c>.</summary>
    public float learning_rate { get; set; }

    /// <summary><c>optimizer.name</c>.</summary>
    public string name { get; }

    /// <summary><c>optimizer.iterations</c>: the number of updates applied so far.</summary>
    public long iterations { get; protected set; }

    /// <summary>Number of scalars the optimizer keeps as state (Keras's "Optimizer params" in summaries).</summary>
    public abstract long StateSize { get; }

    /// <summary><c>optimizer.apply_gradients(zip(grads, vars))</c>, in place and without autograd.</summary>
    public abstract void apply_gradients(IReadOnlyList<Tensor> grads, IReadOnlyList<Variable> variables);

    /// <summary>Names of the state an optimizer keeps per variable (Adam: momentum, velocity), for saving.</summary>
    internal virtual IReadOnlyList<string> SlotNames => [];

    /// <summary>The state tensors of <paramref name="variable"/> in <see cref="SlotNames"/> order; null before its first update.</summary>
    internal virtual Tensor[]? SlotValues(Variable variable) => null;

    /// <summary>
    /// Restores a saved state (what Keras's <c>load_model</c> does with the optimizer's variables), so training goes
    /// on as if it had never stopped. Each variable's values are taken over when its state is next used.
    /// </summary>
    internal virtual void RestoreState(long iterations, IReadOnlyList<(Variable variable, Tensor[] slots)> state) =>
        this.iterations = iterations;

    /// <summary>
    /// Copies of the optimizer's variables for <paramref name="variables"/> (what Keras 3's <c>optimizer.variables</c>
    /// hold): the iteration count as an int64 scalar, then each variable's slots in <see cref="SlotNames"/> order, zeros for
    /// a variable not updated yet (a fresh Keras optimizer holds zeros there too).
    /// </summary>
    internal List<Tensor> CopyState(IReadOnlyList<Variable> variables)
    {
        using var _ = no_grad();
        var state = new List<Tensor> { tensor(iterations).DetachFromDisposeScope() };
        foreach (var variable in variables)
        {
            var slots = SlotValues(variable);
            for (int k = 0; k < SlotNames.Count; k++)
                state.Add((slots is null ? zeros_like(variable.Value) : slots[k].detach().clone()).DetachFromDisposeScope());
        }
        return state;
    }

    /// <summary>Puts back what <see cref="CopyState"/> returned for the same <paramref name="variables"/>.</summary>
    /// <exception cref="ArgumentException">The state does not match the variables.</exception>
    internal void LoadState(IReadOnlyList<Variable> variables, IReadOnlyList<Tensor> state)
    {
        int slots = SlotNames.Count;
        if (state.Count != 1 + variables.Count * slots)
            throw new ArgumentException(
                $"The optimizer state holds {state.Count} tensors, but {name} keeps 1 + {slots} per trainable weight ({variables.Count}): " +
                "take and restore the state with the same trainable weights.");
        using var _ = no_grad();
        var restored = variables.Select((variable, i) => (variable, Enumerable.Range(0, slots)
            .Select(k => state[1 + i * slots + k].to(variable.Value.device).clone().DetachFromDisposeScope()).ToArray())).ToList();
        RestoreState(state[0].item<long>(), restored);
    }

    /// <summary>Resolves Keras's string names (<c>"adam"</c>).</summary>
    public static Optimizer Get(string name) => name.ToLowerInvariant() switch
    {
        "adam" => new Adam(),
        _ => throw new ArgumentException($"Unknown optimizer '{name}'. Valid names: adam."),
    };
}
