using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Numerics;

/// <summary>
/// On a 1x1 image Conv2D computes with the one kernel tap that meets the pixel instead of libtorch's convolution
/// (much faster there). Values and gradients must be the convolution's, including zero gradients for the other taps.
/// </summary>
public class Conv2DSinglePixelTests
{
    [Theory]
    [InlineData(3, "same", 1)]
    [InlineData(3, "same", 2)]
    [InlineData(2, "same", 1)] // even kernel: TF pads (0, 1), so the first tap meets the pixel
    [InlineData(1, "valid", 1)]
    public void Values_and_gradients_match_the_convolution(int k, string padding, int stride)
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        var conv = keras.layers.Conv2D(5, k, strides: stride, padding: padding, activation: "relu");
        var x = randn(3, 1, 1, 4).requires_grad_();
        var y = conv.Apply(x, training: true);
        var kernel = conv.weights[0].Value;
        var bias = conv.weights[1].Value;
        using (no_grad()) bias.uniform_(-0.5, 0.5); // some outputs on each side of the ReLU
        y = conv.Apply(x, training: true);
        var weights = randn(y.shape);
        var grads = autograd.grad([(y * weights).sum()], [x, kernel, bias]);

        // The reference: libtorch's convolution on the same weights, with TF's "same" padding for one pixel.
        long before = padding == "same" ? (k - 1) / 2 : 0, after = padding == "same" ? k - 1 - before : 0;
        var padded = nn.functional.pad(x.permute(0, 3, 1, 2), [before, after, before, after]);
        var expected = nn.functional.conv2d(padded, kernel, bias, strides: [stride, stride]).relu().permute(0, 2, 3, 1);
        var expectedGrads = autograd.grad([(expected * weights).sum()], [x, kernel, bias]);

        Assert.Equal(expected.shape, y.shape);
        Assert.True(y.allclose(expected, rtol: 1e-5, atol: 1e-6), "values differ");
        for (int i = 0; i < 3; i++)
            Assert.True(grads[i].allclose(expectedGrads[i], rtol: 1e-5, atol: 1e-6), $"gradient {i} (x, kernel, bias) differs");
        if (k > 1) Assert.True(grads[1].abs().sum().item<float>() > 0, "the check needs a non-zero kernel gradient");
    }
}
