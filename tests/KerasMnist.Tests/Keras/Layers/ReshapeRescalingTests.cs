using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Layers;

/// <summary>Reshape and Rescaling as Keras defines them: row-major (H, W, C) order with one inferred axis; x · scale + offset.</summary>
public class ReshapeRescalingTests
{
    [Fact]
    public void Reshape_adds_the_channel_axis_a_28_by_28_model_needs_and_infers_minus_one()
    {
        var model = keras.Sequential(
            keras.layers.InputLayer((28, 28)),
            keras.layers.Reshape([28, 28, 1]),
            keras.layers.Conv2D(2, 3, name: "c"));
        var direct = keras.Sequential(keras.layers.InputLayer((28, 28, 1)), keras.layers.Conv2D(2, 3));
        direct.SetWeights(model.GetWeights());
        using var images = tensor(Enumerable.Range(0, 2 * 784).Select(i => (float)(i % 97) / 97).ToArray()).reshape(2, 28, 28);
        Assert.Equal(direct.predict(images.reshape(2, 28, 28, 1)).data<float>().ToArray(), model.predict(images).data<float>().ToArray());

        var flat = keras.layers.Reshape([-1, 4]);
        Assert.Equal(new KerasMnist.Keras.Shape(6, 4), flat.compute_output_shape((2, 3, 4)));
        using var x = arange(24, dtype: ScalarType.Float32).reshape(1, 2, 3, 4);
        using var y = flat.Apply(x);
        Assert.Equal(Enumerable.Range(0, 24).Select(v => (float)v), y.data<float>().ToArray()); // row-major (H, W, C) order kept
        Assert.Throws<ArgumentException>(() => keras.layers.Reshape([5, -1]).compute_output_shape((2, 3, 4)));
    }

    [Fact]
    public void Rescaling_multiplies_and_shifts_in_float32()
    {
        var layer = keras.layers.Rescaling(1.0 / 255, offset: -0.5);
        using var x = tensor(new byte[] { 0, 51, 255 }).reshape(1, 3);
        using var y = layer.Apply(x);
        Assert.Equal(ScalarType.Float32, y.dtype);
        Assert.Equal(new[] { -0.5f, 51 * (float)(1.0 / 255) - 0.5f, 255 * (float)(1.0 / 255) - 0.5f }, y.data<float>().ToArray());
    }
}
