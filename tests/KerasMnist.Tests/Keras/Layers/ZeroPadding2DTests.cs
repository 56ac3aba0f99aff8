using KerasMnist.Keras;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Layers;

public class ZeroPadding2DTests
{
    [Fact]
    public void Every_padding_form_normalises_to_top_bottom_left_right()
    {
        Assert.Equal(((1, 1), (1, 1)), keras.layers.ZeroPadding2D().padding);
        Assert.Equal(((2, 2), (2, 2)), keras.layers.ZeroPadding2D(2).padding);
        Assert.Equal(((2, 2), (3, 3)), keras.layers.ZeroPadding2D(padding: (2, 3)).padding);
        Assert.Equal(((1, 2), (3, 4)), keras.layers.ZeroPadding2D(((1, 2), (3, 4))).padding);
    }

    [Fact]
    public void Output_shape_adds_the_padding_to_height_and_width_only()
    {
        Assert.Equal(new Shape(32, 32, 1), keras.layers.ZeroPadding2D(padding: (2, 2)).compute_output_shape((28, 28, 1)));
        Assert.Equal(new Shape(31, 35, 3), keras.layers.ZeroPadding2D(((1, 2), (3, 4))).compute_output_shape((28, 28, 3)));
    }

    [Fact]
    public void Asymmetric_padding_puts_the_image_at_top_left_offset_and_zeros_around_it()
    {
        // Two 2x3 images with 2 channels, values 1..24 (no zeros, so every zero in the output is padding).
        using var x = LayerTensors.Of(Enumerable.Range(1, 24).Select(v => (float)v).ToArray(), 2, 2, 3, 2);
        using var y = keras.layers.ZeroPadding2D(((1, 2), (3, 4))).Apply(x);

        Assert.Equal(new long[] { 2, 5, 10, 2 }, y.shape);
        using var inner = y.narrow(1, 1, 2).narrow(2, 3, 3);
        Assert.Equal(LayerTensors.Values(x), LayerTensors.Values(inner));
        Assert.Equal(24 * 25 / 2, y.sum().item<float>());             // nothing else is non-zero
        Assert.Equal(2 * 5 * 10 * 2 - 24, (y == 0).sum().item<long>());
    }

    [Fact]
    public void Bad_arguments_are_named_in_the_error()
    {
        var negative = Assert.Throws<ArgumentException>(() => keras.layers.ZeroPadding2D(((1, -1), (0, 0)), name: "pad"));
        Assert.Contains("non-negative", negative.Message);
        Assert.Contains("((1, -1), (0, 0))", negative.Message);

        var flat = Assert.Throws<ArgumentException>(() => keras.layers.ZeroPadding2D(name: "pad2").compute_output_shape(784));
        Assert.Contains("pad2", flat.Message);
        Assert.Contains("expected ndim=4, found ndim=2. Full shape received: (None, 784)", flat.Message);
    }
}
