using KerasMnist.Keras.Backend;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Optimizers;

/// <summary>
/// <c>keras.optimizers.Adam</c> with Keras's defaults (epsilon 1e-7) and Keras's update form, which
/// adds epsilon to √v before bias correction ("epsilon hat"); torch's Adam adds it after, so it is not used:
/// m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; α = lr·√(1−β₂ᵗ)/(1−β₁ᵗ); w ← w − α·m/(√v + ε).
/// </summary>
public sealed class Adam : Optimizer
{
    readonly Dictionary<Variable, (Tensor m, Tensor v)> slots = new(ReferenceEqualityComparer.Instance);

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
        using var _ = no_grad();
        iterations++;
        double t = iterations;
        double alpha = learning_rate * Math.Sqrt(1 - Math.Pow(beta_2, t)) / (1 - Math.Pow(beta_1, t));
        for (int i = 0; i < variables.Count; i++)
        {
            var variable = variables[i];
            var g = grads[i];
            if (!slots.TryGetValue(variable, out var s))
            {
                s = (zeros_like(variable.Value).DetachFromDisposeScope(), zeros_like(variable.Value).DetachFromDisposeScope());
                slots[variable] = s;
            }
            s.m.mul_(beta_1).add_(g, alpha: 1 - beta_1);
            s.v.mul_(beta_2).addcmul_(g, g, value: 1 - beta_2);
            using var denom = s.v.sqrt().add_(epsilon);
            variable.Value.addcdiv_(s.m, denom, value: -alpha);
        }
    }
}
