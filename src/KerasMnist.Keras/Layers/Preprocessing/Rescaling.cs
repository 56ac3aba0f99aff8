using static TorchSharp.torch;

namespace KerasMnist.Keras.Layers;

/// <summary>
/// <c>keras.layers.Rescaling(scale, offset=0.0)</c>: <c>x · scale + offset</c>, element-wise, in float32 as Keras
/// computes it (the factors are cast to the input's float type). <c>Rescaling(1 / 255f)</c> is the notebook's
/// <c>x / 255</c> inside a model.
/// </summary>
[LayersApiFactory]
public sealed class Rescaling : Layer
{
    /// <summary>See <c>keras.layers.Rescaling</c>.</summary>
    public Rescaling(double scale, double offset = 0.0, string? name = null) : base(name)
    {
        if (!double.IsFinite(scale) || !double.IsFinite(offset))
            throw new ArgumentException($"Rescaling \"{this.name}\" needs finite scale and offset, got scale={scale}, offset={offset}.");
        this.scale = scale;
        this.offset = offset;
    }

#pragma warning disable CS1591 // Keras's constructor arguments, documented there
    public double scale { get; }
    public double offset { get; }
#pragma warning restore CS1591

    /// <inheritdoc/>
    public override Shape compute_output_shape(Shape input_shape) => input_shape;

    /// <inheritdoc/>
    protected internal override Tensor Call(Tensor x, bool training)
    {
        var input = x.is_floating_point() ? x : x.to_type(ScalarType.Float32);
        var y = input.mul((float)scale);
        return offset == 0 ? y : y.add_((float)offset);
    }
}
