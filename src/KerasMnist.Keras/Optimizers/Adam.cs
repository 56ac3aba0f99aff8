using KerasMnist.Keras.Backend;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Optimizers;

/// <summary>
/// <c>keras.optimizers.Adam</c> with Keras's defaults (epsilon 1e-7) and Keras's update form, which
/// adds epsilon to √v before bias correction ("epsilon hat"); torch's Adam adds it after, so it is not used:
/// m ← m + (g − m)(1 − β₁); v ← v + (g² − v)(1 − β₂); α = lr·√(1−β₂ᵗ)/(1−β₁ᵗ); w ← w − α·m/(√v + ε).
/// </summary>
/// <remarks>
/// The variables of the first <see cref="apply_gradients"/> call (what fit passes every step) are packed into one
/// buffer with their moments (<see cref="FlatVariables"/>), so each update is 7 kernels for the whole model. Any
/// other variable list is updated variable by variable, with the same moments.
/// </remarks>
public sealed class Adam : Optimizer
{
    readonly Dictionary<Variable, (Tensor m, Tensor v)> slots = new(ReferenceEqualityComparer.Instance);
    // Restored moments of variables whose slots do not exist yet (a loaded model before its first step).
    readonly Dictionary<Variable, Tensor[]> restored = new(ReferenceEqualityComparer.Instance);
    FlatVariables? packed;
    bool packingTried;
    Tensor? oneMinusBeta1;

    /// <summary>See <c>keras.optimizers.Adam</c>.</summary>
    public Adam(float learning_rate = 0.001f, float beta_1 = 0.9f, float beta_2 = 0.999f, float epsilon = 1e-7f, string name = "adam")
        : base(learning_rate, name)
    {
        if (beta_1 is < 0 or >= 1 || beta_2 is < 0 or >= 1)
            throw new ArgumentException($"beta_1 and beta_2 must be in [0, 1), got {beta_1} and {beta_2}.");
        if (!(epsilon >= 0)) throw new ArgumentException($"epsilon must be >= 0, got {epsilon}.");
        this.beta_1 = beta_1;
        this.beta_2 = beta_2;
        this.epsilon = epsilon;
    }

#pragma warning disable CS1591
    public float beta_1 { get; }
    public float beta_2 { get; }
    public float epsilon { get; }
#pragma warning restore CS1591

    /// <summary>Two moments per trainable scalar, plus the iteration count and learning rate, as Keras counts them.</summary>
    public override long StateSize => slots.Values.Sum(s => s.m.numel() * 2) + (slots.Count > 0 ? 2 : 0);

    /// <inheritdoc/>
    public override void apply_gradients(IReadOnlyList<Tensor> grads, IReadOnlyList<Variable> variables)
    {
        if (grads.Count != variables.Count)
            throw new ArgumentException($"apply_gradients got {grads.Count} gradients for {variables.Count} variables; pass one gradient per variable.");
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        iterations++;
        double t = iterations;
        double alpha = learning_rate * Math.Sqrt(1 - Math.Pow(beta_2, t)) / (1 - Math.Pow(beta_1, t));
        if (Packed(variables) is { } flat)
        {
            flat.EnsureOwned();
            var g = flat.Concatenate(grads);
            Update(flat.Values, flat.Slots[0], flat.Slots[1], g, alpha);
            return;
        }
        for (int i = 0; i < variables.Count; i++)
        {
            var (m, v) = SlotsOf(variables[i]);
            Update(variables[i].Value, m, v, grads[i], alpha);
        }
    }

    void Update(Tensor w, Tensor m, Tensor v, Tensor g, double alpha)
    {
        oneMinusBeta1 ??= tensor(1 - beta_1, m.dtype, m.device).DetachFromDisposeScope();
        m.lerp_(g, oneMinusBeta1);
        v.mul_(beta_2).addcmul_(g, g, value: 1 - beta_2);
        w.addcdiv_(m, v.sqrt().add_(epsilon), value: -alpha);
    }

    // Packs the first variable list whose variables have no moments yet; later calls with that same list use it.
    FlatVariables? Packed(IReadOnlyList<Variable> variables)
    {
        if (packed is not null) return packed.Matches(variables) ? packed : null;
        if (packingTried || variables.Any(slots.ContainsKey)) return null;
        packingTried = true;
        packed = FlatVariables.TryCreate(variables, slotCount: 2);
        if (packed is null) return null;
        for (int i = 0; i < variables.Count; i++)
        {
            slots[variables[i]] = (packed.Slice(packed.Slots[0], i).DetachFromDisposeScope(), packed.Slice(packed.Slots[1], i).DetachFromDisposeScope());
            TakeRestored(variables[i]);
        }
        return packed;
    }

    /// <inheritdoc/>
    internal override IReadOnlyList<string> SlotNames => ["momentum", "velocity"];

    /// <inheritdoc/>
    // A restored state not yet taken over (no step since loading) is still this optimizer's state: saving a loaded
    // model keeps it, as Keras does.
    internal override Tensor[]? SlotValues(Variable variable) =>
        slots.TryGetValue(variable, out var s) ? [s.m, s.v] : restored.TryGetValue(variable, out var r) ? r : null;

    /// <inheritdoc/>
    internal override void RestoreState(long iterations, IReadOnlyList<(Variable variable, Tensor[] slots)> state)
    {
        base.RestoreState(iterations, state);
        foreach (var (variable, values) in state)
        {
            restored[variable] = values;
            if (slots.ContainsKey(variable)) TakeRestored(variable);
        }
    }

    void TakeRestored(Variable variable)
    {
        if (!restored.Remove(variable, out var values)) return;
        using var _ = no_grad();
        var (m, v) = slots[variable];
        m.copy_(values[0]);
        v.copy_(values[1]);
        foreach (var t in values) t.Dispose();
    }

    (Tensor m, Tensor v) SlotsOf(Variable variable)
    {
        if (!slots.TryGetValue(variable, out var s))
        {
            s = (zeros_like(variable.Value).DetachFromDisposeScope(), zeros_like(variable.Value).DetachFromDisposeScope());
            slots[variable] = s;
            TakeRestored(variable);
        }
        return s;
    }
}
