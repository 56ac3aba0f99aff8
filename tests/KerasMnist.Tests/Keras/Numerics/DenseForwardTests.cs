using KerasMnist.Keras;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Numerics;

/// <summary>Dense's forward pass against values worked out by hand: y = activation(x · kernel + bias), kernel (in, units).</summary>
public class DenseForwardTests
{
    // kernel (in=3, units=2) row-major: [[1, -1], [0.5, 2], [-2, 0.25]]; bias [0.1, -3].
    static readonly float[] Kernel = [1, -1, 0.5f, 2, -2, 0.25f];
    static readonly float[] Bias = [0.1f, -3];

    static KerasMnist.Keras.Layers.Dense Built(KerasMnist.Keras.Activations.Activation? activation)
    {
        var dense = keras.layers.Dense(2, activation: activation);
        dense.Build(new Shape(3));
        Assert.Equal(2, dense.weights.Count);
        Assert.Equal(new long[] { 3, 2 }, dense.weights[0].Value.shape); // Keras's (in, units), not torch Linear's (units, in)
        dense.weights[0].Assign(tensor(Kernel).reshape(3, 2));
        dense.weights[1].Assign(tensor(Bias));
        return dense;
    }

    [Fact]
    public void Linear_dense_is_x_times_kernel_plus_bias()
    {
        var dense = Built(activation: null);
        using var x = tensor(new float[] { 1, 2, 3, -1, 0, 4 }).reshape(2, 3);
        using var y = dense.Apply(x);
        // Row 0: 1·1 + 2·0.5 + 3·(−2) + 0.1 = −3.9;   1·(−1) + 2·2 + 3·0.25 − 3 = 0.75
        // Row 1: −1·1 + 0 + 4·(−2) + 0.1 = −8.9;       −1·(−1) + 0 + 4·0.25 − 3 = −1
        Assert.Equal(new long[] { 2, 2 }, y.shape);
        AssertClose([-3.9, 0.75, -8.9, -1], Reference.Values(y));
    }

    [Fact]
    public void Relu_dense_clips_negative_pre_activations()
    {
        var dense = Built("relu");
        using var x = tensor(new float[] { 1, 2, 3, 0, 1, 1 }).reshape(2, 3);
        using var y = dense.Apply(x);
        // Row 0 as above: (−3.9, 0.75) → (0, 0.75). Row 1: 0.5 − 2 + 0.1 = −1.4 → 0;  2 + 0.25 − 3 = −0.75 → 0.
        AssertClose([0, 0.75, 0, 0], Reference.Values(y));
    }

    [Fact]
    public void Dense_applies_to_the_last_axis_of_a_rank3_input()
    {
        // Keras's Dense contracts the last axis only: (batch, steps, in) → (batch, steps, units).
        var dense = Built(activation: null);
        using var x = tensor(new float[] { 1, 2, 3, -1, 0, 4 }).reshape(1, 2, 3);
        using var y = dense.Apply(x);
        Assert.Equal(new long[] { 1, 2, 2 }, y.shape);
        AssertClose([-3.9, 0.75, -8.9, -1], Reference.Values(y));
    }

    internal static void AssertClose(double[] expected, double[] actual, double tolerance = 1e-5)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance,
                $"element {i}: expected {expected[i]}, got {actual[i]} (all: [{string.Join(", ", actual)}])");
    }
}
