using KerasMnist.Keras.Layers;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Models;

/// <summary>
/// A model of the functional API: <c>keras.Model(inputs, outputs)</c>. Runs its layer calls in topological
/// order; <see cref="layers"/> lists every layer once, in Keras's order (see <see cref="LayerOrder"/>).
/// </summary>
public sealed class Functional : Model
{
    readonly List<KerasTensor> order;

    /// <summary>Builds the model from symbolic <paramref name="inputs"/> to <paramref name="outputs"/>.</summary>
    public Functional(KerasTensor inputs, KerasTensor outputs, string? name = null)
        : base(name ?? Backend.Naming.Unique("model"))
    {
        this.inputs = inputs;
        this.outputs = outputs;
        var sources = outputs.SourceInputs();
        if (sources.Count != 1 || sources[0] != inputs)
            throw new ArgumentException(
                $"Graph disconnected: the outputs of model \"{this.name}\" do not depend (only) on the given input " +
                $"{inputs}. Pass the keras.Input the outputs were built from.");
        order = TopologicalOrder(outputs);
        layers = LayerOrder.Of(outputs);
        Build(inputs.shape);
    }

    /// <summary><c>model.inputs</c>.</summary>
    public KerasTensor inputs { get; }

    /// <summary><c>model.outputs</c>.</summary>
    public KerasTensor outputs { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<Layer> layers { get; }

    /// <summary>The graph's nodes (symbolic tensors) in execution order, input first.</summary>
    public IReadOnlyList<KerasTensor> Nodes => order;

    /// <inheritdoc/>
    protected override Shape BuildGraph(Shape input_shape) => outputs.shape; // built at construction, from inputs.shape

    /// <inheritdoc/>
    internal override Tensor ForwardInternal(Tensor x, bool training)
    {
        var values = new Dictionary<KerasTensor, Tensor>(order.Count) { [inputs] = x };
        foreach (var node in order)
        {
            if (node == inputs) continue;
            var args = node.Inputs.Count == 1 ? [values[node.Inputs[0]]] : node.Inputs.Select(i => values[i]).ToArray();
            values[node] = node.Layer.Forward(args, training);
        }
        return values[outputs];
    }

    static List<KerasTensor> TopologicalOrder(KerasTensor output)
    {
        var order = new List<KerasTensor>();
        var done = new HashSet<KerasTensor>();
        var stack = new Stack<(KerasTensor node, bool expanded)>([(output, false)]);
        while (stack.Count > 0)
        {
            var (node, expanded) = stack.Pop();
            if (done.Contains(node)) continue;
            if (expanded)
            {
                done.Add(node);
                order.Add(node);
                continue;
            }
            stack.Push((node, true));
            for (int i = node.Inputs.Count - 1; i >= 0; i--)
                if (!done.Contains(node.Inputs[i])) stack.Push((node.Inputs[i], false));
        }
        return order;
    }
}
