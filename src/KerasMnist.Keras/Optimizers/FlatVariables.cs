using System.Runtime.CompilerServices;
using KerasMnist.Keras.Backend;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Optimizers;

/// <summary>
/// The variables one optimizer updates together, moved into one contiguous buffer (each variable's tensor
/// becomes a view of its slice, via <c>set_</c>, so layers and autograd see the same tensors as before), with
/// the optimizer's moment buffers laid out alike. An update then costs one kernel per optimizer operation for
/// the whole model instead of one per variable: on CPU a small model's step is dominated by per-kernel
/// overhead (the notebook's CNN has 8 variables, i.e. 56 Adam kernels per step otherwise).
/// </summary>
internal sealed class FlatVariables
{
    // Which packing currently holds a variable's storage. A second optimizer adopting the same variables takes them
    // over; the first then notices and adopts them back before its next update, so both stay correct.
    static readonly ConditionalWeakTable<Variable, FlatVariables> Owners = new();

    readonly Variable[] variables;
    readonly long[] offsets;

    FlatVariables(Variable[] variables, int slotCount)
    {
        this.variables = variables;
        offsets = new long[variables.Length + 1];
        for (int i = 0; i < variables.Length; i++) offsets[i + 1] = offsets[i] + variables[i].Size;
        var first = variables[0].Value;
        Values = empty(offsets[^1], first.dtype, first.device).DetachFromDisposeScope();
        Slots = Enumerable.Range(0, slotCount).Select(_ => zeros(offsets[^1], first.dtype, first.device).DetachFromDisposeScope()).ToArray();
        Adopt();
    }

    /// <summary>All variables' values, concatenated in order.</summary>
    public Tensor Values { get; }

    /// <summary>Per-element optimizer state (Adam: m, v), laid out like <see cref="Values"/>.</summary>
    public Tensor[] Slots { get; }

    /// <summary>Packs <paramref name="variables"/> with <paramref name="slotCount"/> state buffers, or returns null when they
    /// cannot share one buffer (mixed dtypes or devices, non-contiguous values, none at all).</summary>
    public static FlatVariables? TryCreate(IReadOnlyList<Variable> variables, int slotCount)
    {
        if (variables.Count == 0) return null;
        var first = variables[0].Value;
        foreach (var v in variables)
            if (v.Value.dtype != first.dtype || v.Value.device != first.device || !v.Value.is_contiguous())
                return null;
        if (variables.Distinct(ReferenceEqualityComparer.Instance).Count() != variables.Count) return null;
        return new FlatVariables(variables.ToArray(), slotCount);
    }

    /// <summary>Whether <paramref name="list"/> is exactly these variables, in this order.</summary>
    public bool Matches(IReadOnlyList<Variable> list)
    {
        if (list.Count != variables.Length) return false;
        for (int i = 0; i < variables.Length; i++)
            if (!ReferenceEquals(list[i], variables[i])) return false;
        return true;
    }

    /// <summary>The slice of a flat buffer that belongs to variable <paramref name="index"/>, in its shape.</summary>
    public Tensor Slice(Tensor flat, int index) =>
        flat.narrow(0, offsets[index], offsets[index + 1] - offsets[index]).view(variables[index].Value.shape);

    /// <summary>
    /// Makes sure every variable still lives in <see cref="Values"/> (another optimizer may have adopted it since),
    /// moving it back with its current value if not.
    /// </summary>
    public void EnsureOwned()
    {
        foreach (var v in variables)
            if (!Owners.TryGetValue(v, out var owner) || !ReferenceEquals(owner, this))
            {
                Adopt();
                return;
            }
    }

    /// <summary>The gradients, concatenated in the layout of <see cref="Values"/> (one copy kernel).</summary>
    public Tensor Concatenate(IReadOnlyList<Tensor> grads)
    {
        var flat = new Tensor[grads.Count];
        for (int i = 0; i < flat.Length; i++) flat[i] = grads[i].reshape(-1);
        return cat(flat, 0);
    }

    void Adopt()
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        for (int i = 0; i < variables.Length; i++)
        {
            var slice = Slice(Values, i);
            slice.copy_(variables[i].Value);
            variables[i].Value.set_(slice);
            Owners.AddOrUpdate(variables[i], this);
        }
    }
}
