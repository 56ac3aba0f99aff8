using KerasMnist.Keras.Layers;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Models;

/// <summary>
/// <c>keras.Sequential</c>: a plain stack of layers. Built at construction when the first layer carries
/// <c>input_shape</c> (or is an <see cref="InputLayer"/>), so <see cref="Layer.built"/>, <see cref="Model.input_shape"/>,
/// <see cref="Model.output_shape"/> and <c>summary()</c> work before compile and fit; otherwise on the first batch it
/// sees, as Keras does. Each <see cref="add"/> to a built model builds it again with the new layer.
/// </summary>
public sealed class Sequential : Model
{
    readonly List<Layer> stack = new();

    /// <summary>See <c>keras.Sequential(layers, name)</c>.</summary>
    public Sequential(IEnumerable<Layer>? layers = null, string? name = null)
        : base(name ?? Backend.Naming.Unique("sequential"))
    {
        foreach (var layer in layers ?? []) add(layer);
    }

    /// <summary><c>keras.Sequential([...])</c>.</summary>
    public Sequential(params Layer[] layers) : this((IEnumerable<Layer>)layers) { }

    /// <inheritdoc/>
    public override IReadOnlyList<Layer> layers => stack;

    /// <inheritdoc/>
    public override string ClassName => "Sequential";

    /// <summary><c>model.add(layer)</c>.</summary>
    public void add(Layer layer)
    {
        if (layer is InputLayer input)
        {
            if (stack.Count > 0 || DeclaredInputShape is not null)
                throw new ArgumentException($"An InputLayer can only be the first layer of Sequential model \"{name}\".");
            DeclaredInputShape = input.input_shape;
            ResetBuild();
            Build(input.input_shape);
            return;
        }
        if (stack.Count == 0 && DeclaredInputShape is null) DeclaredInputShape = layer.InputShapeArgument;
        stack.Add(layer);
        if ((DeclaredInputShape ?? BuiltInputShape) is not { } shape) return;
        ResetBuild();
        Build(shape);
    }

    Shape? DeclaredInputShape { get; set; }

    /// <inheritdoc/>
    protected override Shape BuildGraph(Shape input_shape)
    {
        var shape = input_shape;
        foreach (var layer in stack) shape = layer.ComputeOutputShape([shape]);
        return shape;
    }

    /// <inheritdoc/>
    internal override Tensor ForwardInternal(Tensor x, bool training)
    {
        foreach (var layer in stack) x = layer.Call(x, training);
        return x;
    }
}
