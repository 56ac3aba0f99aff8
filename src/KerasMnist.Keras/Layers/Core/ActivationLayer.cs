using static TorchSharp.torch;

namespace KerasMnist.Keras.Layers;

/// <summary>
/// <c>keras.layers.Activation</c> (created with <c>keras.layers.Activation("relu")</c>; the C# class has a
/// different name only because <c>Activation</c> is the activation-function type).
/// </summary>
[LayersApiFactory("Activation")]
public sealed class ActivationLayer : Layer
{
    /// <summary>See <c>keras.layers.Activation</c>.</summary>
    public ActivationLayer(Activations.Activation activation, string? name = null) : base(name ?? Backend.Naming.Unique("activation"))
        => this.activation = activation;

    /// <summary>The function applied.</summary>
    public Activations.Activation activation { get; }

    /// <inheritdoc/>
    public override string ClassName => "Activation";

    /// <inheritdoc/>
    public override Shape compute_output_shape(Shape input_shape) => input_shape;

    /// <inheritdoc/>
    protected internal override Tensor Call(Tensor x, bool training) => activation.Call(x);
}
