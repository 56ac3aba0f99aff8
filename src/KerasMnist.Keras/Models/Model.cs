using KerasMnist.Keras.Activations;
using KerasMnist.Keras.Backend;
using KerasMnist.Keras.Layers;
using KerasMnist.Keras.Losses;
using KerasMnist.Keras.Metrics;
using KerasMnist.Keras.Optimizers;
using KerasMnist.Keras.Utils;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Models;

/// <summary>
/// <c>keras.Model</c>: layers plus the training configuration. <see cref="Sequential"/> and
/// <see cref="Functional"/> define the forward pass; this class holds compile, fit, evaluate and predict.
/// </summary>
public abstract partial class Model : Layer
{
    /// <summary>Names the model.</summary>
    protected Model(string name) : base(name) { }

    /// <summary><c>model.layers</c>.</summary>
    public abstract IReadOnlyList<Layer> layers { get; }

    /// <inheritdoc/>
    public override string ClassName => "Functional";

    /// <summary>The shape the model was built for (Keras layout, no batch); null until built.</summary>
    public Shape? input_shape => BuiltInputShape;

    /// <summary>The shape of the model's output for one example; null until built.</summary>
    public Shape? output_shape { get; private set; }

    /// <summary><c>model.optimizer</c>, set by compile.</summary>
    public Optimizer? optimizer { get; private set; }

    /// <summary><c>model.loss</c>, set by compile.</summary>
    public Loss? loss { get; private set; }

    /// <summary>The compiled metrics, in the order given to compile.</summary>
    public IReadOnlyList<Metric> compiled_metrics { get; private set; } = [];

    /// <summary><c>model.metrics_names</c>: <c>loss</c> then each metric's name.</summary>
    public IReadOnlyList<string> metrics_names => compiled_metrics.Select(m => m.name).Prepend("loss").ToList();

    /// <summary><c>model.stop_training</c>: a callback sets it to end fit after the current batch.</summary>
    public bool stop_training { get; set; }

    /// <summary>Runs the layers on an internal-layout batch (builds nothing).</summary>
    internal abstract Tensor ForwardInternal(Tensor x, bool training);

    /// <summary>Builds every layer for <paramref name="input_shape"/> and returns the output shape.</summary>
    protected abstract Shape BuildGraph(Shape input_shape);

    /// <inheritdoc/>
    protected sealed override void build(Shape input_shape)
    {
        output_shape = BuildGraph(input_shape);
        // As Keras's functional models: every later batch must have the shape the model was built for.
        input_spec = new InputSpec(shape: input_shape);
    }

    /// <inheritdoc/>
    public sealed override Shape compute_output_shape(Shape input_shape)
    {
        Build(input_shape);
        return output_shape!;
    }

    /// <inheritdoc/>
    protected internal sealed override Tensor Call(Tensor x, bool training) => ForwardInternal(x, training);

    IEnumerable<Layer> DistinctLayers => layers.Distinct();

    /// <inheritdoc/>
    public override IReadOnlyList<Variable> weights => DistinctLayers.SelectMany(l => l.weights).ToList();

    /// <summary>
    /// <c>model.trainable</c>. Setting it sets every layer's flag too, as Keras does, so freezing a model also puts its
    /// BatchNormalization layers in inference mode; a layer may be unfrozen again afterwards.
    /// </summary>
    public override bool trainable
    {
        get => base.trainable;
        set
        {
            base.trainable = value;
            foreach (var layer in DistinctLayers) layer.trainable = value;
        }
    }

    /// <inheritdoc/>
    public override IEnumerable<Variable> trainable_weights => trainable ? DistinctLayers.SelectMany(l => l.trainable_weights) : [];

    /// <inheritdoc/>
    public override IEnumerable<Variable> non_trainable_weights => trainable
        ? DistinctLayers.SelectMany(l => l.non_trainable_weights)
        : DistinctLayers.SelectMany(l => l.weights);

    /// <inheritdoc/>
    public override long count_params() => DistinctLayers.Sum(l => l.count_params());

    /// <summary>
    /// <c>model.compile(optimizer, loss, metrics)</c>. A null <paramref name="optimizer"/> (as Keras allows) leaves the model
    /// ready for evaluate but not for fit.
    /// </summary>
    public void compile(Optimizer? optimizer, Loss loss, IEnumerable<Metric>? metrics = null)
    {
        this.optimizer = optimizer;
        this.loss = loss;
        compiled_metrics = (metrics ?? []).ToList();
        WarnOnLogitsMisuse();
    }

    /// <summary><c>model.compile(optimizer, loss, metrics=["accuracy"])</c>.</summary>
    public void compile(Optimizer optimizer, Loss loss, string[] metrics) => compile(optimizer, loss, metrics.Select(m => Metric.Get(m, loss)));

    /// <summary><c>model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=[...])</c>.</summary>
    public void compile(string optimizer, string loss, string[]? metrics = null)
    {
        var lossObject = Loss.Get(loss);
        compile(Optimizer.Get(optimizer), lossObject, (metrics ?? []).Select(m => Metric.Get(m, lossObject)));
    }

    void WarnOnLogitsMisuse()
    {
        if (loss is SparseCategoricalCrossentropy { from_logits: true } && OutputActivation()?.name == "softmax")
            io_utils.print_msg(
                $"Warning: model \"{name}\" ends in a softmax, so it outputs probabilities, but the loss was compiled with " +
                "from_logits: true. Use SparseCategoricalCrossentropy(from_logits: false) or drop the softmax.");
    }

    Activation? OutputActivation()
    {
        Layer? last = this is Functional f ? f.outputs.Layer : layers.LastOrDefault();
        while (last is Model m) last = m is Functional g ? g.outputs.Layer : m.layers.LastOrDefault();
        return last switch
        {
            Dense d => d.activation,
            Conv2D c => c.activation,
            _ when last?.ClassName is "Softmax" => Activation.Softmax,
            ActivationLayer a => a.activation,
            _ => null,
        };
    }

    /// <summary>
    /// Moves a Keras-layout batch to the device as float32; builds the model on its first batch and checks every batch
    /// against <see cref="Layer.input_spec"/> (an <see cref="ArgumentException"/> naming both shapes, never a native error).
    /// </summary>
    internal Tensor PrepareInput(Tensor x)
    {
        if (x.dim() == 0)
            throw new ArgumentException($"Model \"{name}\" needs a batch (examples along axis 0), but received a scalar tensor.");
        // fit, evaluate and predict run traced in tf.keras, where the batch dimension is None: errors print it so.
        Build(new Shape(x.shape.Skip(1).Select(d => (int)d).ToArray()));
        var input = x.device == Engine.Device ? x : x.to(Engine.Device);
        return input.is_floating_point() ? input : input.to_type(ScalarType.Float32);
    }

    void RequireCompiled(string method)
    {
        // Keras compiles without an optimizer too (a loaded file's optimizer may be one this port lacks): evaluate works.
        if (loss is not null && optimizer is null && method != "evaluate")
            throw new InvalidOperationException(
                $"Model \"{name}\" was compiled without an optimizer, so `{method}()` cannot update it. Compile it again with one: " +
                "model.compile(optimizer: keras.optimizers.Adam(0.001f), loss: model.loss!, metrics: ...).");
        if (loss is null)
            throw new InvalidOperationException(
                $"You must call `compile()` before `{method}()` on model \"{name}\": " +
                "model.compile(optimizer: keras.optimizers.Adam(0.001f), loss: keras.losses.SparseCategoricalCrossentropy(from_logits: true), ...).");
    }
}
