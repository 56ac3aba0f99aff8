using KerasMnist.Keras.Backend;
using KerasMnist.Keras.Initializers;
using KerasMnist.Keras.Models;
using KerasMnist.Keras.Regularizers;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Layers;

/// <summary>
/// The base of every layer: <c>keras.layers.Layer</c>. Shapes at this surface are Keras's (channels-last,
/// no batch dimension); <see cref="Call"/> works on the engine's internal layout (4-D tensors indexed (N, C, H, W), see Layout).
/// </summary>
public abstract class Layer
{
    readonly List<Variable> variables = new();

    /// <summary>Names the layer (Keras's auto name from the class when <paramref name="name"/> is null).</summary>
    protected Layer(string? name = null, Shape? input_shape = null)
    {
        this.name = name ?? Naming.Unique(Naming.ToSnakeCase(ClassName));
        InputShapeArgument = input_shape;
    }

    /// <summary><c>layer.name</c>.</summary>
    public string name { get; }

    bool isTrainable = true;

    /// <summary><c>layer.trainable</c>: when false its weights are frozen (and BatchNormalization runs in inference mode).</summary>
    public virtual bool trainable
    {
        get => isTrainable;
        set => isTrainable = value;
    }

    /// <summary>Sets this layer's own flag only: a loaded model restores every layer's saved flag, container or not.</summary>
    internal void RestoreTrainable(bool value) => isTrainable = value;

    /// <summary><c>layer.built</c>: whether the weights exist.</summary>
    public bool built { get; private set; }

    /// <summary>The class name Keras prints in summaries (<c>Dense</c>, <c>MaxPooling2D</c>, ...).</summary>
    public virtual string ClassName => GetType().Name;

    /// <summary>The input shape the layer was built for (Keras layout, no batch).</summary>
    public Shape? BuiltInputShape { get; private set; }

    /// <summary>The <c>input_shape=</c> argument given to a first layer, if any.</summary>
    internal Shape? InputShapeArgument { get; }

    /// <summary><c>layer.weights</c>: trainable first, then non-trainable, as Keras orders them.</summary>
    public virtual IReadOnlyList<Variable> weights => variables.Where(v => v.Trainable).Concat(variables.Where(v => !v.Trainable)).ToList();

    /// <summary><c>layer.trainable_weights</c> (empty when the layer is frozen).</summary>
    public virtual IEnumerable<Variable> trainable_weights => trainable ? variables.Where(v => v.Trainable) : [];

    /// <summary><c>layer.non_trainable_weights</c>.</summary>
    public virtual IEnumerable<Variable> non_trainable_weights => trainable ? variables.Where(v => !v.Trainable) : variables;

    /// <summary><c>layer.count_params()</c>.</summary>
    public virtual long count_params() => variables.Sum(v => v.Size);

    /// <summary>Creates the weights for an input of <paramref name="input_shape"/>; once only.</summary>
    public void Build(Shape input_shape)
    {
        if (built)
        {
            EnsureCompatible(input_shape);
            return;
        }
        build(input_shape);
        BuiltInputShape = input_shape;
        built = true;
    }

    /// <summary>Keras's <c>build(input_shape)</c>: override to add weights with <see cref="AddWeight"/>.</summary>
    protected virtual void build(Shape input_shape) { }

    /// <summary><c>compute_output_shape(input_shape)</c> in Keras layout, without the batch dimension.</summary>
    public abstract Shape compute_output_shape(Shape input_shape);

    /// <summary>The forward pass on the engine's internal layout.</summary>
    protected internal abstract Tensor Call(Tensor x, bool training);

    /// <summary>Multi-input layers (Add) override this; single-input layers take the only input.</summary>
    internal virtual Shape ComputeOutputShape(IReadOnlyList<Shape> inputs)
    {
        RequireSingleInput(inputs.Count);
        Build(inputs[0]);
        return compute_output_shape(inputs[0]);
    }

    /// <summary>Multi-input layers (Add) override this; single-input layers take the only input.</summary>
    internal virtual Tensor Forward(IReadOnlyList<Tensor> inputs, bool training) => Call(inputs[0], training);

    /// <summary>Applies the layer to a symbolic tensor of the functional API: <c>y = layer(x)</c>.</summary>
    public KerasTensor Apply(KerasTensor input) => Apply([input]);

    /// <summary>Applies the layer to several symbolic tensors (merge layers such as Add).</summary>
    public KerasTensor Apply(params KerasTensor[] inputs)
    {
        var shape = ComputeOutputShape(inputs.Select(i => i.shape).ToList());
        return new KerasTensor(shape, this, inputs);
    }

    /// <summary>Calls the layer eagerly on a real tensor in Keras layout (channels-last): <c>layer(x)</c>.</summary>
    public Tensor Apply(Tensor x, bool training = false)
    {
        Build(new Shape(x.shape.Skip(1).Select(d => (int)d).ToArray()));
        return Layout.ToKeras(Call(Layout.ToInternal(x), training));
    }

    /// <summary>
    /// Adds a weight of <paramref name="shape"/> (the storage shape the layer computes with), initialised with Keras's
    /// initializers. <paramref name="storageOrder"/> says which Keras axis each storage axis holds when the layer stores
    /// the weight in another order than Keras (Conv2D); <see cref="Variable"/> converts for every public accessor.
    /// </summary>
    protected Variable AddWeight(string name, long[] shape, Initializer initializer, bool trainable = true,
        Regularizer? regularizer = null, (long fanIn, long fanOut)? fans = null, long[]? storageOrder = null)
    {
        var value = initializer.Create(shape, fans ?? (shape.Length > 0 ? shape[0] : 1, shape.Length > 1 ? shape[1] : 1));
        var variable = new Variable(name, value.to(Engine.Device), trainable, regularizer, storageOrder);
        variables.Add(variable);
        return variable;
    }

    /// <summary>
    /// Keras's <c>layer.get_weights()</c> (C# reserves <c>get_weights</c> for the <see cref="weights"/> property's
    /// getter, hence the .NET name): copies on the CPU of every weight, in <see cref="weights"/> order and in Keras's
    /// layout (Conv2D kernels (kh, kw, in, filters), Dense kernels (in, units); Keras returns numpy arrays).
    /// </summary>
    public List<Tensor> GetWeights() => weights.Select(v => v.numpy()).ToList();

    /// <summary>
    /// Keras's <c>layer.set_weights(weights)</c> (named like <see cref="GetWeights"/>, its counterpart): overwrites
    /// every weight, in <see cref="GetWeights"/>'s order, shapes and layout. Throws <see cref="ArgumentException"/>
    /// when the count or a shape differs, before anything is changed.
    /// </summary>
    public void SetWeights(IReadOnlyList<Tensor> weights)
    {
        var targets = this.weights;
        if (weights.Count != targets.Count)
            throw new ArgumentException(
                $"SetWeights got {weights.Count} arrays, but {ClassName} \"{name}\" has {targets.Count} weights. Pass the list GetWeights() returns.");
        for (int i = 0; i < targets.Count; i++)
            if (!weights[i].shape.SequenceEqual(targets[i].shape))
                throw new ArgumentException(
                    $"SetWeights: weight {i} ({targets[i].Name}) of {ClassName} \"{name}\" has shape ({string.Join(", ", targets[i].shape)}), " +
                    $"but the array given has shape ({string.Join(", ", weights[i].shape)}).");
        for (int i = 0; i < targets.Count; i++) targets[i].assign(weights[i]);
    }

    /// <summary>A built layer must see the shape it was built for: Keras's <c>input_spec</c> check.</summary>
    protected virtual void EnsureCompatible(Shape input_shape)
    {
        if (BuiltInputShape is not null && !BuiltInputShape.Equals(input_shape))
            throw new ArgumentException(
                $"Input 0 of layer \"{name}\" is incompatible with the layer: expected shape {BuiltInputShape.ToBatchString()}, " +
                $"but received input with shape {input_shape.ToBatchString()}.");
    }

    private protected void RequireSingleInput(int count)
    {
        if (count != 1)
            throw new ArgumentException($"Layer \"{name}\" expects 1 input, but it received {count} input tensors.");
    }

    /// <inheritdoc/>
    public override string ToString() => $"<{ClassName} name={name}, built={built}>";
}
