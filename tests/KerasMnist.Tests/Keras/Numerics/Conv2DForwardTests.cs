using KerasMnist.Keras.Layers;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Numerics;

/// <summary>
/// Conv2D's forward pass with channels-last tensors at the API, against hand-worked values and against a naive
/// nested-loop convolution written here from the definition (cross-correlation, TensorFlow's "same" padding).
/// </summary>
public class Conv2DForwardTests
{
    /// <summary>Builds a Conv2D for (h, w, cin) and sets its kernel from Keras's (kh, kw, cin, filters) layout.</summary>
    static Conv2D WithKernel(int filters, int kernel, int h, int w, int cin, float[] kerasKernel, float[] bias,
        string padding = "valid", int stride = 1)
    {
        var conv = keras.layers.Conv2D(filters, kernel, strides: stride, padding: padding);
        conv.Build((h, w, cin));
        using var k = tensor(kerasKernel).reshape(kernel, kernel, cin, filters);
        // Stored in torch's (filters, cin, kh, kw) layout; the test maps Keras's layout onto it explicitly.
        conv.weights[0].Assign(k.permute(3, 2, 0, 1));
        conv.weights[1].Assign(tensor(bias));
        return conv;
    }

    // The 3x3 image 1..9 and a 3x3 kernel of ones with a 0 in the centre.
    static readonly float[] Image = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    static readonly float[] Ring = [1, 1, 1, 1, 0, 1, 1, 1, 1];

    [Fact]
    public void Valid_3x3_conv_of_a_3x3_image_is_one_weighted_sum()
    {
        var conv = WithKernel(1, 3, 3, 3, 1, Ring, [0.5f]);
        using var x = tensor(Image).reshape(1, 3, 3, 1);
        using var y = conv.Apply(x);
        Assert.Equal(new long[] { 1, 1, 1, 1 }, y.shape);
        // 45 − 5 (centre) + 0.5 bias
        DenseForwardTests.AssertClose([40.5], Reference.Values(y));
    }

    [Fact]
    public void Same_3x3_conv_zero_pads_one_pixel_on_every_side()
    {
        var conv = WithKernel(1, 3, 3, 3, 1, Ring, [0], padding: "same");
        using var x = tensor(Image).reshape(1, 3, 3, 1);
        using var y = conv.Apply(x);
        Assert.Equal(new long[] { 1, 3, 3, 1 }, y.shape);
        // Each output = sum of the in-image 3x3 neighbours minus the pixel itself, e.g.
        // (0,0): 1+2+4+5 − 1 = 11; (0,1): 1+…+6 − 2 = 19; (1,1): 45 − 5 = 40; (2,0): 4+5+7+8 − 7 = 17; (2,2): 5+6+8+9 − 9 = 19.
        DenseForwardTests.AssertClose([11, 19, 13, 23, 40, 27, 17, 31, 19], Reference.Values(y));
    }

    [Theory]
    [InlineData("valid", 1, 5, 6)]
    [InlineData("same", 1, 5, 6)]
    [InlineData("same", 2, 4, 4)] // TF pads (0, 1): the extra pixel goes at the end
    [InlineData("same", 2, 5, 5)] // TF pads (1, 1)
    [InlineData("valid", 2, 6, 5)]
    [InlineData("same", 1, 1, 1)] // one pixel: only the centre tap sees it (a matrix product inside)
    [InlineData("same", 2, 1, 1)]
    public void Multichannel_conv_matches_a_nested_loop_convolution(string padding, int stride, int h, int w)
    {
        const int cin = 2, filters = 3, k = 3;
        var x = Sequence(h * w * cin, 0.37, 1.3);
        var kernel = Sequence(k * k * cin * filters, 0.53, 0.9);
        var bias = new double[] { 0.25, -0.5, 1 };
        var conv = WithKernel(filters, k, h, w, cin, ToFloat(kernel), ToFloat(bias), padding, stride);
        using var input = tensor(ToFloat(x)).reshape(1, h, w, cin);
        using var y = conv.Apply(input);

        var (expected, oh, ow) = NaiveConv(x, h, w, cin, kernel, k, filters, bias, stride, padding);
        Assert.Equal(new long[] { 1, oh, ow, filters }, y.shape); // channels-last back at the API
        DenseForwardTests.AssertClose(expected, Reference.Values(y), 1e-4);
    }

    /// <summary>Cross-correlation over an NHWC image with a (kh, kw, cin, cout) kernel, from the definition.</summary>
    static (double[] y, int oh, int ow) NaiveConv(double[] x, int h, int w, int cin, double[] kernel, int k, int cout,
        double[] bias, int stride, string padding)
    {
        int oh, ow, top, left;
        if (padding == "same")
        {
            oh = (h + stride - 1) / stride;
            ow = (w + stride - 1) / stride;
            top = Math.Max(0, (oh - 1) * stride + k - h) / 2;
            left = Math.Max(0, (ow - 1) * stride + k - w) / 2;
        }
        else
        {
            oh = (h - k) / stride + 1;
            ow = (w - k) / stride + 1;
            top = left = 0;
        }
        var y = new double[oh * ow * cout];
        for (int i = 0; i < oh; i++)
            for (int j = 0; j < ow; j++)
                for (int o = 0; o < cout; o++)
                {
                    double sum = bias[o];
                    for (int di = 0; di < k; di++)
                        for (int dj = 0; dj < k; dj++)
                        {
                            int r = i * stride + di - top, c = j * stride + dj - left;
                            if (r < 0 || r >= h || c < 0 || c >= w) continue;
                            for (int ch = 0; ch < cin; ch++)
                                sum += x[(r * w + c) * cin + ch] * kernel[((di * k + dj) * cin + ch) * cout + o];
                        }
                    y[(i * ow + j) * cout + o] = sum;
                }
        return (y, oh, ow);
    }

    /// <summary>A deterministic, sign-mixed, non-repeating sequence (so transposed layouts give different sums).</summary>
    static double[] Sequence(int n, double step, double scale) =>
        Enumerable.Range(0, n).Select(i => Math.Round(Math.Sin(i * step + 0.1) * scale, 3)).ToArray();

    static float[] ToFloat(double[] v) => v.Select(d => (float)d).ToArray();
}
