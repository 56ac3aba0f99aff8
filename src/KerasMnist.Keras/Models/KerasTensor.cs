using KerasMnist.Keras.Layers;

namespace KerasMnist.Keras.Models;

/// <summary>
/// A symbolic tensor of the functional API (<c>KerasTensor</c>): a shape plus the layer call that produces it.
/// <c>keras.Input</c> starts a graph; <c>layer.Apply(x)</c> extends it; <c>keras.Model(inputs, outputs)</c> closes it.
/// </summary>
public sealed class KerasTensor
{
    internal KerasTensor(Shape shape, Layer layer, IReadOnlyList<KerasTensor> inputs)
    {
        this.shape = shape;
        Layer = layer;
        Inputs = inputs;
    }

    /// <summary>The shape of one example (channels-last, no batch).</summary>
    public Shape shape { get; }

    /// <summary>The layer whose call produced this tensor.</summary>
    public Layer Layer { get; }

    /// <summary>The tensors that call consumed (empty for an Input).</summary>
    public IReadOnlyList<KerasTensor> Inputs { get; }

    /// <summary>The inputs (<c>keras.Input</c> tensors) this tensor ultimately depends on: Keras's <c>get_source_inputs</c>.</summary>
    public IReadOnlyList<KerasTensor> SourceInputs()
    {
        var seen = new HashSet<KerasTensor>();
        var sources = new List<KerasTensor>();
        var stack = new Stack<KerasTensor>([this]);
        while (stack.Count > 0)
        {
            var t = stack.Pop();
            if (!seen.Add(t)) continue;
            if (t.Inputs.Count == 0) sources.Add(t);
            foreach (var i in t.Inputs) stack.Push(i);
        }
        return sources;
    }

    /// <inheritdoc/>
    public override string ToString() => $"<KerasTensor shape={shape.ToBatchString()}, name={Layer.name}>";
}
