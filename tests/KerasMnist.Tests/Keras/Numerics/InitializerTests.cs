using KerasMnist.Keras.Layers;
using static KerasMnist.Keras.KerasApi;

namespace KerasMnist.Tests.Keras.Numerics;

/// <summary>
/// Keras's default initialisation: kernels glorot_uniform U(−L, L) with L = √(6 / (fan_in + fan_out)) using
/// Keras's fans (Dense: in, units; Conv2D: kh·kw·in, kh·kw·filters), biases zero. Torch's defaults
/// (kaiming_uniform(a=√5): U(±1/√fan_in) for kernels and biases) would fail these checks.
/// </summary>
public class InitializerTests
{
    [Fact]
    public void Dense_kernel_is_glorot_uniform_over_in_and_units()
    {
        var dense = keras.layers.Dense(500);
        dense.Build(new KerasMnist.Keras.Shape(300));
        AssertGlorot(dense.weights[0].Value, fanIn: 300, fanOut: 500);
        AssertZeros(dense.weights[1].Value);
    }

    [Fact]
    public void Conv2D_kernel_is_glorot_uniform_over_receptive_field_fans()
    {
        // fan_in = 3·3·32 = 288, fan_out = 3·3·64 = 576: L = 0.0833. Fans from the stored (64, 32, 3, 3) shape's first two
        // axes would give L = 0.25, torch's default 1/√288 = 0.059.
        var conv = keras.layers.Conv2D(64, 3);
        conv.Build((10, 10, 32));
        AssertGlorot(conv.weights[0].Value, fanIn: 288, fanOut: 576);
        AssertZeros(conv.weights[1].Value);
    }

    [Fact]
    public void Conv2D_fans_use_both_kernel_dimensions()
    {
        // A 5x3 kernel over 4 channels to 20 filters: fan_in = 60, fan_out = 300, L = 0.1291.
        var conv = keras.layers.Conv2D(20, (5, 3));
        conv.Build((9, 9, 4));
        Assert.Equal(new long[] { 20, 4, 5, 3 }, conv.weights[0].Value.shape);
        AssertGlorot(conv.weights[0].Value, fanIn: 60, fanOut: 300);
    }

    static void AssertGlorot(TorchSharp.torch.Tensor kernel, int fanIn, int fanOut)
    {
        double limit = Math.Sqrt(6.0 / (fanIn + fanOut));
        var values = Reference.Values(kernel);
        int n = values.Length;
        // Within the bounds and close to them: P(max < (1 − δ)·L) = (1 − δ/2)ⁿ ≈ e^(−nδ/2), e^−20 for δ = 40/n.
        // (The outer bound allows float32 rounding of L.)
        double delta = 40.0 / n, outer = limit * (1 + 1e-6);
        Assert.InRange(values.Min(), -outer, -(1 - delta) * limit);
        Assert.InRange(values.Max(), (1 - delta) * limit, outer);
        // Uniform, not normal or narrower: mean 0 and standard deviation L/√3, each within 5 standard errors
        // (the sample sd of a uniform has relative standard error √(0.2/n)).
        double mean = values.Average();
        double sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / n);
        double expectedSd = limit / Math.Sqrt(3);
        Assert.InRange(mean, -5 * expectedSd / Math.Sqrt(n), 5 * expectedSd / Math.Sqrt(n));
        Assert.InRange(sd / expectedSd, 1 - 5 * Math.Sqrt(0.2 / n), 1 + 5 * Math.Sqrt(0.2 / n));
    }

    static void AssertZeros(TorchSharp.torch.Tensor bias) => Assert.All(Reference.Values(bias), v => Assert.Equal(0.0, v));
}
