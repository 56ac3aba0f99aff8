using KerasMnist.Keras;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Layers;

public class AddTests
{
    [Fact]
    public void Sums_its_inputs_element_wise()
    {
        var input = keras.Input((2, 2, 3));
        var doubled = keras.layers.Add().Apply(input, input, input);
        var model = keras.Model(input, doubled);
        using var x = LayerTensors.Of(Enumerable.Range(0, 24).Select(v => v * 0.5f).ToArray(), 2, 2, 2, 3);
        using var y = model.predict(x);
        Assert.Equal(LayerTensors.Values(x).Select(v => 3 * v), LayerTensors.Values(y));
    }

    [Fact]
    public void A_dimension_of_one_broadcasts()
    {
        var input = keras.Input((4, 4, 3));
        var perChannel = keras.layers.GlobalAveragePooling2D(keepdims: true).Apply(input);
        var centred = keras.layers.Add().Apply(input, perChannel);
        Assert.Equal(new Shape(4, 4, 3), centred.shape);
    }

    [Fact]
    public void Mismatched_shapes_name_the_layer_and_every_shape()
    {
        var input = keras.Input((4, 4, 3));
        var narrower = keras.layers.Conv2D(2, 1).Apply(input);
        var error = Assert.Throws<ArgumentException>(() => keras.layers.Add(name: "block_add").Apply(input, narrower));
        Assert.Contains("block_add", error.Message);
        Assert.Contains("(None, 4, 4, 3)", error.Message);
        Assert.Contains("(None, 4, 4, 2)", error.Message);
    }

    [Fact]
    public void A_single_input_is_refused()
    {
        var input = keras.Input(4);
        var error = Assert.Throws<ArgumentException>(() => keras.layers.Add(name: "lonely").Apply(input));
        Assert.Contains("lonely", error.Message);
        Assert.Contains("at least 2", error.Message);
    }
}
