using KerasMnist.Keras.Applications;
using KerasMnist.Keras.Callbacks;
using KerasMnist.Keras.Layers;
using KerasMnist.Keras.Losses;
using KerasMnist.Keras.Metrics;
using KerasMnist.Keras.Models;
using KerasMnist.Keras.Optimizers;
using KerasMnist.Keras.Regularizers;

namespace KerasMnist.Keras;

/// <summary>
/// The entry point, as TensorFlow.NET's <c>Tensorflow.KerasApi</c>: <c>using static KerasMnist.Keras.KerasApi;</c>
/// then <c>keras.layers.Dense(128, activation: "relu")</c>, <c>keras.Sequential(...)</c>, <c>keras.optimizers.Adam(0.001f)</c>.
/// </summary>
public static class KerasApi
{
    /// <summary><c>keras</c> (Python's <c>tf.keras</c>).</summary>
    public static readonly KerasInterface keras = new();
}

/// <summary>The <c>keras</c> module: sub-modules as properties, model constructors as methods.</summary>
public sealed class KerasInterface
{
#pragma warning disable CS1591 // each is the Keras module of the same name
    public LayersApi layers { get; } = new();
    public ModelsApi models { get; } = new();
    public LossesApi losses { get; } = new();
    public MetricsApi metrics { get; } = new();
    public OptimizersApi optimizers { get; } = new();
    public RegularizersApi regularizers { get; } = new();
    public CallbacksApi callbacks { get; } = new();
    public ApplicationsApi applications { get; } = new();
    public BackendApi backend { get; } = new();
    public UtilsApi utils { get; } = new();
#pragma warning restore CS1591

    /// <summary><c>keras.Sequential([...])</c>.</summary>
    public Sequential Sequential(params Layer[] layers) => new(layers);

    /// <summary><c>keras.Sequential(layers, name)</c>.</summary>
    public Sequential Sequential(IEnumerable<Layer> layers, string? name = null) => new(layers, name);

    /// <summary><c>keras.Input(shape)</c>: the symbolic input of a functional model (channels-last, no batch).</summary>
    public KerasTensor Input(Shape shape, string? name = null) => layers.Input(shape, name);

    /// <summary><c>keras.Model(inputs, outputs, name)</c>: a functional model.</summary>
    public Functional Model(KerasTensor inputs, KerasTensor outputs, string? name = null) => new(inputs, outputs, name);
}

/// <summary><c>keras.models</c>.</summary>
public sealed partial class ModelsApi
{
    /// <summary><c>keras.models.Sequential([...])</c>, as the notebook spells it.</summary>
    public Sequential Sequential(params Layer[] layers) => new(layers);

    /// <summary><c>keras.models.Model(inputs, outputs)</c>.</summary>
    public Functional Model(KerasTensor inputs, KerasTensor outputs, string? name = null) => new(inputs, outputs, name);
}

/// <summary><c>keras.losses</c>.</summary>
public sealed partial class LossesApi
{
    /// <summary><c>keras.losses.SparseCategoricalCrossentropy(from_logits)</c>.</summary>
    public SparseCategoricalCrossentropy SparseCategoricalCrossentropy(bool from_logits = false, string name = "sparse_categorical_crossentropy")
        => new(from_logits, name);
}

/// <summary><c>keras.metrics</c>.</summary>
public sealed partial class MetricsApi
{
    /// <summary><c>keras.metrics.SparseCategoricalAccuracy()</c>.</summary>
    public SparseCategoricalAccuracy SparseCategoricalAccuracy(string name = "sparse_categorical_accuracy") => new(name);

    /// <summary><c>keras.metrics.Mean()</c>.</summary>
    public Mean Mean(string name = "mean") => new(name);
}

/// <summary><c>keras.optimizers</c>.</summary>
public sealed class OptimizersApi
{
    /// <summary><c>keras.optimizers.Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7)</c>.</summary>
    public Adam Adam(float learning_rate = 0.001f, float beta_1 = 0.9f, float beta_2 = 0.999f, float epsilon = 1e-7f)
        => new(learning_rate, beta_1, beta_2, epsilon);
}

/// <summary><c>keras.regularizers</c>.</summary>
public sealed class RegularizersApi
{
    /// <summary><c>keras.regularizers.l2(l2=0.01)</c>.</summary>
    public L2 l2(float l2 = 0.01f) => new(l2);

    /// <summary><c>keras.regularizers.L2(l2=0.01)</c>.</summary>
    public L2 L2(float l2 = 0.01f) => new(l2);
}

/// <summary><c>keras.callbacks</c>.</summary>
public sealed partial class CallbacksApi
{
    /// <summary><c>keras.callbacks.TerminateOnNaN()</c>.</summary>
    public TerminateOnNaN TerminateOnNaN() => new();

    /// <summary><c>keras.callbacks.History()</c>.</summary>
    public History History() => new();
}

/// <summary><c>keras.backend</c>.</summary>
public sealed class BackendApi
{
    /// <summary><c>keras.backend.clear_session()</c>: restarts the automatic layer names (dense, dense_1, ...).</summary>
    public void clear_session() => Backend.Naming.Reset();

    /// <summary><c>keras.backend.epsilon()</c> = 1e-7.</summary>
    public float epsilon() => 1e-7f;

    /// <summary><c>keras.backend.image_data_format()</c>: always channels_last at the API.</summary>
    public string image_data_format() => "channels_last";
}

/// <summary><c>keras.utils</c>.</summary>
public sealed partial class UtilsApi
{
    /// <summary>
    /// <c>keras.utils.set_random_seed(seed)</c>: the one call that makes a CPU run repeat exactly. As Keras seeds every
    /// generator it may draw from (Python, numpy, TensorFlow, torch), it seeds torch's generator (weight initialisation,
    /// dropout, the order of shuffled tensor input) and tf's global seed (<c>tf.random.set_seed</c>: every
    /// <c>Dataset.shuffle</c> without its own seed).
    /// </summary>
    public void set_random_seed(int seed)
    {
        TorchSharp.torch.manual_seed(seed);
        Datasets.tf.random.set_seed(seed);
    }
}
