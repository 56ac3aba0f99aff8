using KerasMnist.Keras;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Layers;

public class GlobalPoolingTests
{
    // Two 2x2 images with 3 channels: image n, pixel p, channel c holds 100n + 10c + p (NHWC order).
    static Tensor Images() => LayerTensors.Of(
        (from n in Enumerable.Range(0, 2) from p in Enumerable.Range(0, 4) from c in Enumerable.Range(0, 3)
         select (float)(100 * n + 10 * c + p)).ToArray(), 2, 2, 2, 3);

    [Fact]
    public void Average_pooling_gives_each_channels_mean_channels_last()
    {
        using var x = Images();
        using var y = keras.layers.GlobalAveragePooling2D().Apply(x);
        Assert.Equal(new long[] { 2, 3 }, y.shape);
        Assert.Equal([1.5f, 11.5f, 21.5f, 101.5f, 111.5f, 121.5f], LayerTensors.Values(y)); // mean of p = 0..3 is 1.5
    }

    [Fact]
    public void Max_pooling_gives_each_channels_maximum_channels_last()
    {
        using var x = Images();
        using var y = keras.layers.GlobalMaxPooling2D().Apply(x);
        Assert.Equal([3f, 13f, 23f, 103f, 113f, 123f], LayerTensors.Values(y));
    }

    [Fact]
    public void Keepdims_keeps_one_pixel()
    {
        using var x = Images();
        using var y = keras.layers.GlobalMaxPooling2D(keepdims: true).Apply(x);
        Assert.Equal(new long[] { 2, 1, 1, 3 }, y.shape);
        Assert.Equal(new Shape(1, 1, 3), keras.layers.GlobalAveragePooling2D(keepdims: true).compute_output_shape((5, 7, 3)));
        Assert.Equal(new Shape(3), keras.layers.GlobalAveragePooling2D().compute_output_shape((5, 7, 3)));
    }

    [Fact]
    public void Non_image_inputs_are_refused_with_the_shape()
    {
        var error = Assert.Throws<ArgumentException>(() => keras.layers.GlobalAveragePooling2D(name: "gap").compute_output_shape((10, 3)));
        Assert.Contains("gap", error.Message);
        Assert.Contains("(None, 10, 3)", error.Message);
    }
}
