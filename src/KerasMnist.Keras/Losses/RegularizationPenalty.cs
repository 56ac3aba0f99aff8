using KerasMnist.Keras.Backend;
using KerasMnist.Keras.Regularizers;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Losses;

/// <summary>
/// The regularization term the train and test steps add to the loss (<c>model.losses</c> in Keras 3: the penalties of the
/// trainable weights), collected once per fit or evaluate rather than per step.
/// </summary>
/// <remarks>
/// L2 terms stay out of the autograd graph: their value l2·Σw² is computed without gradients (one dot product per
/// group of equal factors) and their gradient 2·l2·w is added to the weight's gradient directly. That is the same
/// arithmetic as differentiating the penalty, at a third of the kernels (the notebook's CNN regularizes four
/// kernels). Other regularizers are differentiated as part of the loss.
/// </remarks>
internal sealed class RegularizationPenalty
{
    readonly (int index, float factor)[] l2Terms;
    readonly (Variable variable, Regularizer regularizer)[] otherTerms;
    readonly (Tensor[] weights, float factor)[] l2Groups;

    /// <summary>Collects the regularized variables among <paramref name="variables"/> (the model's trainable weights).</summary>
    public RegularizationPenalty(IReadOnlyList<Variable> variables)
    {
        var l2 = new List<(int, float)>();
        var other = new List<(Variable, Regularizer)>();
        for (int i = 0; i < variables.Count; i++)
        {
            switch (variables[i].Regularizer)
            {
                case null:
                    break;
                case L2 r:
                    if (r.l2 != 0) l2.Add((i, r.l2));
                    break;
                case var r:
                    other.Add((variables[i], r));
                    break;
            }
        }
        l2Terms = l2.ToArray();
        otherTerms = other.ToArray();
        l2Groups = l2.GroupBy(t => t.Item2)
            .Select(g => (g.Select(t => variables[t.Item1].Value).ToArray(), g.Key))
            .ToArray();
    }

    /// <summary>The loss to differentiate: <paramref name="loss"/> plus the non-L2 penalties.</summary>
    public Tensor Differentiable(Tensor loss)
    {
        foreach (var (variable, regularizer) in otherTerms) loss = loss + regularizer.Call(variable.Value);
        return loss;
    }

    /// <summary>Adds 2·l2·w to the gradient of each L2-regularized weight (<paramref name="grads"/> in the order of the variables).</summary>
    public void AddL2Gradients(IList<Tensor> grads, IReadOnlyList<Variable> variables)
    {
        using var _ = no_grad();
        foreach (var (index, factor) in l2Terms) grads[index].add_(variables[index].Value, alpha: 2 * factor);
    }

    /// <summary>The full loss Keras reports: <paramref name="differentiated"/> (detached) plus the L2 value.</summary>
    public Tensor Reported(Tensor differentiated)
    {
        using var _ = no_grad();
        var total = differentiated.detach();
        return l2Groups.Length == 0 ? total : total.add(L2Value()!);
    }

    /// <summary>The penalty's value without gradients (what evaluate adds to every batch's loss); null when there is none.</summary>
    public Tensor? Value()
    {
        using var _ = no_grad();
        Tensor? total = L2Value();
        foreach (var (variable, regularizer) in otherTerms)
        {
            var term = regularizer.Call(variable.Value);
            total = total is null ? term : total.add(term);
        }
        return total;
    }

    Tensor? L2Value()
    {
        Tensor? total = null;
        foreach (var (weights, factor) in l2Groups)
        {
            var flat = weights.Length == 1 ? weights[0].reshape(-1) : cat(weights.Select(w => w.reshape(-1)).ToArray(), 0);
            var term = flat.dot(flat).mul_(factor);
            total = total is null ? term : total.add_(term);
        }
        return total;
    }
}
