using KerasMnist.Keras;
using KerasMnist.Keras.Initializers;
using KerasMnist.Keras.Layers;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Models;

/// <summary>A user-defined layer whose constructor argument is a public property, so it can be saved.</summary>
public sealed class Scale(float factor, string? name = null) : Layer(name)
{
    public float factor { get; } = factor;

    public override Shape compute_output_shape(Shape input_shape) => input_shape;

    protected override Tensor Call(Tensor x, bool training) => x * factor;
}

/// <summary>A user-defined layer that keeps its constructor argument private: its config cannot be written.</summary>
public sealed class Opaque(int size, string? name = null) : Layer(name)
{
    readonly int size = size;

    public override Shape compute_output_shape(Shape input_shape) => new(size);

    protected override Tensor Call(Tensor x, bool training) => x;
}

/// <summary>A layer with a float64 weight: its config is fine, but writing its weights fails half way through a save.</summary>
public sealed class DoubleWeight(string? name = null) : Layer(name)
{
    sealed class Float64Zeros : Initializer
    {
        public override Tensor Create(long[] shape, (long fanIn, long fanOut) fans) => zeros(shape, ScalarType.Float64);
    }

    protected override void build(Shape input_shape) => AddWeight("w", [input_shape[-1]], new Float64Zeros());

    public override Shape compute_output_shape(Shape input_shape) => input_shape;

    protected override Tensor Call(Tensor x, bool training) => x;
}
