using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Layers;

public class SoftmaxTests
{
    [Fact]
    public void Default_axis_is_the_last_keras_axis_the_channels_of_an_image()
    {
        using var x = LayerTensors.Of([0f, 1f, 2f, 5f, 5f, 5f, -1f, 0f, 1f, 3f, 2f, 1f], 1, 2, 2, 3);
        using var y = keras.layers.Softmax().Apply(x);
        var values = LayerTensors.Values(y);
        double e0 = Math.Exp(0), e1 = Math.Exp(1), e2 = Math.Exp(2), sum = e0 + e1 + e2;
        LayerTensors.Close([e0 / sum, e1 / sum, e2 / sum, 1 / 3.0, 1 / 3.0, 1 / 3.0], values.Take(6).ToList());
        LayerTensors.Close([e0 / sum, e1 / sum, e2 / sum, e2 / sum, e1 / sum, e0 / sum], values.Skip(6).ToList());
    }

    [Fact]
    public void Axis_one_of_an_image_is_its_height()
    {
        using var x = rand(2, 3, 4, 5);
        using var y = keras.layers.Softmax(axis: 1).Apply(x);
        using var sums = y.sum(1);
        Assert.All(LayerTensors.Values(sums), s => Assert.Equal(1f, s, 1e-5f));
        using var expected = x.softmax(1);
        LayerTensors.Close(LayerTensors.Values(expected).Select(v => (double)v).ToList(), LayerTensors.Values(y));
    }
}
