using KerasMnist.Keras.Backend;
using KerasMnist.Tests.Isolation;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Numerics;

/// <summary>
/// Every convolution of the notebook's CNN and of ResNet50 on 32x32 digits, forward and backward, at batch 1 and 2,
/// through both of Conv2D's routes (this host's default, and the im2col matrix product used on hosts whose CPUID
/// hides the caches from oneDNN), against libtorch's float64 convolution. libtorch's oneDNN killed the process with
/// SIGFPE on such hosts for ResNet50's 1x1 convolutions with 1024 or 2048 channels, so each shape runs in a child
/// process: a crash fails that shape's test with the signal and the step, and the run goes on.
/// </summary>
public class Conv2DShapesTests
{
    // "name HxWxC->filters kernel/stride padding", as the layers see them in the notebook's models.
    public static TheoryData<string> Shapes => new()
    {
        "cnn_conv2d 28x28x1->8 3/1 valid",
        "cnn_conv2d_1 13x13x8->16 3/1 valid",
        "conv1_conv 38x38x1->64 7/2 valid",
        "conv2_block1_1_conv 8x8x64->64 1/1 valid",
        "conv2_block1_2_conv 8x8x64->64 3/1 same",
        "conv2_block1_0_conv 8x8x64->256 1/1 valid",
        "conv2_block2_1_conv 8x8x256->64 1/1 valid",
        "conv3_block1_1_conv 8x8x256->128 1/2 valid",
        "conv3_block1_2_conv 4x4x128->128 3/1 same",
        "conv3_block1_3_conv 4x4x128->512 1/1 valid",
        "conv3_block1_0_conv 8x8x256->512 1/2 valid",
        "conv3_block2_1_conv 4x4x512->128 1/1 valid",
        "conv4_block1_1_conv 4x4x512->256 1/2 valid",
        "conv4_block1_2_conv 2x2x256->256 3/1 same",
        "conv4_block1_3_conv 2x2x256->1024 1/1 valid",
        "conv4_block1_0_conv 4x4x512->1024 1/2 valid",
        "conv4_block2_1_conv 2x2x1024->256 1/1 valid",
        "conv5_block1_1_conv 2x2x1024->512 1/2 valid",
        "conv5_block1_2_conv 1x1x512->512 3/1 same",
        "conv5_block1_3_conv 1x1x512->2048 1/1 valid",
        "conv5_block1_0_conv 2x2x1024->2048 1/2 valid",
        "conv5_block2_1_conv 1x1x2048->512 1/1 valid",
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Forward_and_backward_match_the_reference_in_a_child_process(string shape) =>
        Isolated.Run(ComputeShape, shape.Split(' '));

    /// <summary>In the child: one shape, both routes, batch 1 and 2, forward, backward and the comparison.</summary>
    static void ComputeShape(string[] args)
    {
        var (size, channels, filters, kernel, stride, padding) = Parse(args[1], args[2], args[3]);
        foreach (bool oneDnn in Engine.OneDnnConvolutions ? new[] { true, false } : [false])
        {
            Engine.OneDnnConvolutions = oneDnn;
            string route = oneDnn ? "libtorch's convolution where it applies" : "im2col matrix product";
            foreach (int batch in new[] { 1, 2 })
            {
                using var scope = NewDisposeScope();
                var random = new Generator((ulong)batch);
                var conv = keras.layers.Conv2D(filters, kernel, strides: stride, padding: padding);
                var image = randn([batch, size, size, channels], generator: random).requires_grad_();
                conv.Build(new(size, size, channels));
                var weights = conv.weights[0].Value;
                var bias = conv.weights[1].Value;
                using (no_grad()) bias.uniform_(-0.5, 0.5, generator: random);

                Isolated.Step($"{args[0]}, {route}, batch {batch}: forward");
                var y = conv.Apply(image, training: true);
                var upstream = randn(y.shape, generator: random);
                Isolated.Step($"{args[0]}, {route}, batch {batch}: backward");
                var grads = autograd.grad([(y * upstream).sum()], [image, weights, bias]);
                Isolated.Step($"{args[0]}, {route}, batch {batch}: comparing with float64");
                var expected = ConvolutionReference.Compute(image.permute(0, 3, 1, 2), weights, bias, (stride, stride),
                    padding, upstream.permute(0, 3, 1, 2));
                ConvolutionReference.AssertClose(expected.y.permute(0, 2, 3, 1), y, $"{route}, batch {batch}: values");
                ConvolutionReference.AssertClose(expected.x.permute(0, 2, 3, 1), grads[0], $"{route}, batch {batch}: input gradient");
                ConvolutionReference.AssertClose(expected.kernel, grads[1], $"{route}, batch {batch}: kernel gradient");
                ConvolutionReference.AssertClose(expected.bias!, grads[2], $"{route}, batch {batch}: bias gradient");
            }
        }
    }

    /// <summary>"8x8x64->256", "1/2", "valid" → (8, 64, 256, 1, 2, "valid").</summary>
    static (int size, int channels, int filters, int kernel, int stride, string padding) Parse(string io, string kernelStride, string padding)
    {
        var sides = io.Split("->");
        var image = sides[0].Split('x').Select(int.Parse).ToArray();
        var ks = kernelStride.Split('/').Select(int.Parse).ToArray();
        return (image[0], image[2], int.Parse(sides[1]), ks[0], ks[1], padding);
    }
}
