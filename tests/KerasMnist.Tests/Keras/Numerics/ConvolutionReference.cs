using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Numerics;

/// <summary>
/// Keras's Conv2D arithmetic in float64 on libtorch's reference convolution. libtorch sends float64 convolutions
/// to its own im2col kernel (slow_conv2d), never to oneDNN, so this reference runs on every host, including those
/// where oneDNN's float32 convolution crashes, and it shares no code with the layer under test.
/// </summary>
internal static class ConvolutionReference
{
    /// <summary>TensorFlow's "same" split of the padding for one dimension: the odd pixel goes after.</summary>
    public static (int before, int after) SamePadding(int length, int kernel, int stride)
    {
        int outputs = (length + stride - 1) / stride;
        int total = Math.Max(0, (outputs - 1) * stride + kernel - length);
        return (total / 2, total - total / 2);
    }

    /// <summary>
    /// y = conv(x, kernel) + bias for x as an (N, C, H, W) view and kernel in torch's (filters, C, kh, kw) layout,
    /// with Keras's padding, in float64; and the gradients of sum(y · <paramref name="upstream"/>) with respect to
    /// x, kernel and bias (bias's is null without a bias).
    /// </summary>
    public static (Tensor y, Tensor x, Tensor kernel, Tensor? bias) Compute(Tensor x, Tensor kernel, Tensor? bias,
        (int rows, int columns) strides, string padding, Tensor upstream)
    {
        var x64 = x.detach().to_type(ScalarType.Float64).requires_grad_();
        var k64 = kernel.detach().to_type(ScalarType.Float64).requires_grad_();
        var b64 = bias?.detach().to_type(ScalarType.Float64).requires_grad_();
        var input = x64;
        if (padding == "same")
        {
            var (top, bottom) = SamePadding((int)x.shape[2], (int)kernel.shape[2], strides.rows);
            var (left, right) = SamePadding((int)x.shape[3], (int)kernel.shape[3], strides.columns);
            input = nn.functional.pad(x64, [left, right, top, bottom]);
        }
        var y = nn.functional.conv2d(input, k64, b64, strides: [strides.rows, strides.columns]);
        var inputs = b64 is null ? new[] { x64, k64 } : new[] { x64, k64, b64 };
        var grads = autograd.grad([(y * upstream.to_type(ScalarType.Float64)).sum()], inputs);
        return (y.detach(), grads[0], grads[1], b64 is null ? null : grads[2]);
    }

    /// <summary>Asserts float32 <paramref name="actual"/> equals the float64 <paramref name="expected"/> to float rounding.</summary>
    public static void AssertClose(Tensor expected, Tensor actual, string what)
    {
        Assert.Equal(expected.shape, actual.shape);
        using var a = actual.detach().to_type(ScalarType.Float64);
        double error = (a - expected).abs().max().item<double>();
        double scale = Math.Max(1, expected.abs().max().item<double>());
        Assert.True(error <= 2e-5 * scale, $"{what}: largest difference {error:G3} (values up to {scale:G3})");
    }
}
