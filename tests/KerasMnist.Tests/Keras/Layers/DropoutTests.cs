using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Layers;

public class DropoutTests
{
    [Fact]
    public void Inference_passes_the_input_through()
    {
        using var x = rand(8, 16);
        using var y = keras.layers.Dropout(0.5f).Apply(x, training: false);
        Assert.Equal(LayerTensors.Values(x), LayerTensors.Values(y));
    }

    [Fact]
    public void Training_drops_about_rate_and_scales_the_rest_by_one_over_keep()
    {
        using var x = ones(1000, 200);
        using var y = keras.layers.Dropout(0.3f).Apply(x, training: true);
        var values = LayerTensors.Values(y);
        double dropped = values.Count(v => v == 0) / (double)values.Length;
        Assert.InRange(dropped, 0.29, 0.31); // 200,000 draws: the standard error is 0.001
        Assert.All(values.Where(v => v != 0), v => Assert.Equal(1 / 0.7f, v, 1e-5f));
    }

    [Fact]
    public void Rate_zero_keeps_everything_and_rates_outside_0_1_are_refused()
    {
        using var x = rand(4, 4);
        using var y = keras.layers.Dropout(0f).Apply(x, training: true);
        Assert.Equal(LayerTensors.Values(x), LayerTensors.Values(y));
        var error = Assert.Throws<ArgumentException>(() => keras.layers.Dropout(1.5f));
        Assert.Contains("rate=1.5", error.Message);
    }
}
