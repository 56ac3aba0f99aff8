using KerasMnist.Keras.Backend;
using KerasMnist.Keras.Initializers;
using KerasMnist.Keras.Models;
using KerasMnist.Keras.Regularizers;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Layers;

/// <summary>
/// The base of every layer: <c>keras.layers.Layer</c>. Shapes and tensors are Keras's everywhere, channels-last:
/// <see cref="Shape"/>s without the batch dimension, tensors with it, for inputs of any rank the layer accepts
/// (<see cref="input_spec"/>). Convolution-like layers look at images as (N, C, H, W) views only inside their own
/// <see cref="Call"/> (see Backend/Layout).
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

    /// <summary>
    /// <c>layer.input_spec</c>: what the layer accepts, checked by <see cref="InputSpec.AssertCompatible"/> every time the
    /// layer is applied (before it is built, and again after, when <see cref="build"/> has narrowed it). Null accepts any input.
    /// </summary>
    public InputSpec? input_spec { get; protected set; }

    /// <summary>
    /// Checks <paramref name="input_shape"/> (one example, channels-last) against <see cref="input_spec"/> and creates the
    /// weights on the first call. Throws <see cref="ArgumentException"/> naming the layer and both shapes, as Keras words it.
    /// </summary>
    public void Build(Shape input_shape) => Build(input_shape, batch: null);

    /// <summary><see cref="Build(Shape)"/> for a real batch of <paramref name="batch"/> examples (named in errors instead of None).</summary>
    internal void Build(Shape input_shape, long? batch)
    {
        InputSpec.AssertCompatible(input_spec, input_shape, batch, name);
        if (built) return;
        build(input_shape);
        BuiltInputShape = input_shape;
        built = true;
    }

    /// <summary>Forgets the build so the next <see cref="Build(Shape)"/> builds again (a Sequential that got another layer).</summary>
    private protected void ResetBuild()
    {
        built = false;
        BuiltInputShape = null;
    }

    /// <summary>Keras's <c>build(input_shape)</c>: override to add weights with <see cref="AddWeight"/>.</summary>
    protected virtual void build(Shape input_shape) { }

    /// <summary><c>compute_output_shape(input_shape)</c> in Keras layout, without the batch dimension.</summary>
    public abstract Shape compute_output_shape(Shape input_shape);

    /// <summary>The forward pass on a built layer: a batch in Keras's layout in, a batch in Keras's layout out.</summary>
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

    /// <summary>
    /// Calls the layer eagerly on a real batch in Keras layout (channels-last, examples along axis 0): <c>layer(x)</c>.
    /// Throws <see cref="ArgumentException"/> when <paramref name="x"/> does not meet <see cref="input_spec"/>.
    /// </summary>
    public Tensor Apply(Tensor x, bool training = false)
    {
        if (x.dim() == 0)
            throw new ArgumentException($"Layer \"{name}\" needs a batch (examples along axis 0), but received a scalar tensor.");
        Build(new Shape(x.shape.Skip(1).Select(d => (int)d).ToArray()), x.shape[0]);
        return Call(x, training);
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

    private protected void RequireSingleInput(int count)
    {
        if (count != 1)
            throw new ArgumentException($"Layer \"{name}\" expects 1 input, but it received {count} input tensors.");
    }

    /// <inheritdoc/>
    public override string ToString() => $"<{ClassName} name={name}, built={built}>";
}
