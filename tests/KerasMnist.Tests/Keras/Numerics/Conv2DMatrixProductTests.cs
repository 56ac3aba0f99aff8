using KerasMnist.Keras.Backend;
using KerasMnist.Tests.Isolation;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Numerics;

/// <summary>
/// Conv2D's matrix-product form (im2col over channels-last memory) gives libtorch's convolution values and
/// gradients for every padding, stride and kernel form, including taps that only ever see padding. 1x1 kernels take
/// that form on every host, so they are checked here in process; the other forms are checked with
/// <see cref="Engine.OneDnnConvolutions"/> switched off, which is process-wide, so each runs in a child process.
/// </summary>
public class Conv2DMatrixProductTests
{
    // kernel rows, columns; stride rows, columns; padding; image height, width
    public static TheoryData<int, int, int, int, string, int, int> Forms => new()
    {
        { 3, 3, 1, 1, "same", 5, 5 },
        { 3, 3, 2, 2, "same", 6, 6 },    // TensorFlow pads (0, 1) here: asymmetric
        { 3, 3, 2, 2, "valid", 7, 7 },
        { 3, 3, 1, 1, "valid", 3, 3 },
        { 2, 2, 1, 1, "same", 4, 4 },    // even kernel: (0, 1)
        { 5, 5, 1, 1, "same", 3, 3 },
        { 7, 7, 2, 2, "valid", 38, 38 }, // ResNet50's stem on a padded 32x32 digit
        { 7, 7, 2, 2, "same", 2, 2 },    // only taps 2 and 3 of each dimension meet the image
        { 3, 3, 1, 1, "same", 1, 1 },    // one live tap: ResNet50's last stage on 32x32 digits
        { 3, 3, 2, 2, "same", 1, 1 },
        { 3, 3, 1, 1, "same", 1, 2 },
        { 1, 3, 1, 2, "same", 4, 5 },
        { 3, 1, 2, 1, "valid", 5, 4 },
        { 3, 2, 3, 2, "same", 8, 7 },
        { 1, 1, 2, 2, "valid", 5, 5 },
    };

    // 1x1 kernels: "same" pads nothing for them at any stride, since (⌈n/s⌉ − 1)·s + 1 ≤ n.
    public static TheoryData<int, int, int, int, string, int, int> OneByOne => new()
    {
        { 1, 1, 1, 1, "valid", 5, 5 },
        { 1, 1, 2, 2, "valid", 5, 5 },   // odd map, stride 2: the last row and column are read
        { 1, 1, 2, 2, "same", 4, 4 },
        { 1, 1, 3, 3, "same", 7, 7 },
        { 1, 1, 2, 1, "valid", 3, 6 },
    };

    [Theory]
    [MemberData(nameof(OneByOne))]
    public void A_1x1_kernel_is_a_matrix_product_with_the_convolutions_values_and_gradients(
        int kh, int kw, int sh, int sw, string padding, int height, int width) =>
        Check(kh, kw, sh, sw, padding, height, width);

    [Theory]
    [MemberData(nameof(Forms))]
    public void Without_onednn_every_form_has_the_convolutions_values_and_gradients(
        int kh, int kw, int sh, int sw, string padding, int height, int width) =>
        Isolated.Run(CheckWithoutOneDnn, $"{kh}", $"{kw}", $"{sh}", $"{sw}", padding, $"{height}", $"{width}");

    static void CheckWithoutOneDnn(string[] args)
    {
        Engine.OneDnnConvolutions = false;
        var n = args.Where((_, i) => i != 4).Select(int.Parse).ToArray();
        Isolated.Step("convolution as a matrix product");
        Check(n[0], n[1], n[2], n[3], args[4], n[4], n[5]);
    }

    /// <summary>Conv2D on a (3, H, W, 4) image with 5 filters and a random bias, against the float64 reference.</summary>
    static void Check(int kh, int kw, int sh, int sw, string padding, int height, int width)
    {
        using var scope = NewDisposeScope();
        var random = new Generator(17);
        var conv = keras.layers.Conv2D(5, (kh, kw), strides: (sh, sw), padding: padding);
        conv.Build(new(height, width, 4));
        var kernel = conv.weights[0].Value;
        var bias = conv.weights[1].Value;
        using (no_grad()) bias.uniform_(-0.5, 0.5, generator: random);
        var image = randn([3, height, width, 4], generator: random).requires_grad_(); // Keras layout at the API

        var y = conv.Apply(image, training: true);
        var upstream = randn(y.shape, generator: random);
        var grads = autograd.grad([(y * upstream).sum()], [image, kernel, bias]);
        var expected = ConvolutionReference.Compute(image.permute(0, 3, 1, 2), kernel, bias, (sh, sw), padding,
            upstream.permute(0, 3, 1, 2));

        ConvolutionReference.AssertClose(expected.y.permute(0, 2, 3, 1), y, "values");
        ConvolutionReference.AssertClose(expected.x.permute(0, 2, 3, 1), grads[0], "gradient of the input");
        ConvolutionReference.AssertClose(expected.kernel, grads[1], "gradient of the kernel");
        ConvolutionReference.AssertClose(expected.bias!, grads[2], "gradient of the bias");
        Assert.True(grads[1].abs().sum().item<float>() > 0, "the check needs a non-zero kernel gradient");
    }
}
