using static TorchSharp.torch;

namespace KerasMnist.Keras.Layers;

/// <summary>
/// <c>keras.layers.Dropout(rate)</c>: in training, zeroes each value with probability <c>rate</c> and scales the
/// rest by 1 / (1 − rate), so the expected activation is unchanged; in inference (evaluate, predict) it passes
/// its input through. Draws from torch's global generator (<c>keras.utils.set_random_seed</c> seeds it).
/// </summary>
[LayersApiFactory]
public sealed class Dropout : Layer
{
    /// <summary>See <c>keras.layers.Dropout</c>.</summary>
    public Dropout(float rate, string? name = null) : base(name)
    {
        if (!(rate >= 0 && rate <= 1))
            throw new ArgumentException(
                $"Invalid value received for argument `rate` of layer \"{this.name}\": expected a value between 0 and 1 " +
                $"(the fraction of inputs to drop), received rate={rate}.");
        this.rate = rate;
    }

    /// <summary>The fraction of the inputs dropped in training.</summary>
    public float rate { get; }

    /// <inheritdoc/>
    public override Shape compute_output_shape(Shape input_shape) => input_shape;

    /// <inheritdoc/>
    protected internal override Tensor Call(Tensor x, bool training) =>
        training && rate > 0 ? nn.functional.dropout(x, rate, training: true) : x;
}
