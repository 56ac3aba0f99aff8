using static TorchSharp.torch;

namespace KerasMnist.Benchmarks.Training;

/// <summary>
/// The applications stage's model (28x28x1 → ZeroPadding2D(2) → Keras's ResNet50 v1, 10 classes, softmax) as a plain
/// TorchSharp training step: the floor the keras API's <c>fit</c> is measured against on ResNet50. Same math as the
/// API: Keras's glorot_uniform/zeros init, a bias on every convolution, BatchNormalization with epsilon 1.001e-5 on
/// the batch statistics and Keras's moving averages (momentum 0.99, biased variance), the loss on softmax
/// probabilities (renormalised, clipped to [1e-7, 1 − 1e-7], log, NLL), Keras's epsilon-hat Adam written inline,
/// loss.item() every step. Images are (N, C, H, W) views of channels-last memory. Convolutions are computed as Conv2D
/// computes them on a host where oneDNN works: one matrix product where a single kernel tap meets the image (1x1
/// kernels; the 3x3 kernels of the last stage, whose maps are 1x1 on 32x32 digits), libtorch's conv2d otherwise.
/// </summary>
internal sealed class RawResNet50 : IDisposable
{
    const double Momentum = 0.99, BnEpsilon = 1.001e-5;
    const double Clip = 1e-7;

    sealed record Conv(Tensor Kernel, Tensor Bias, int Stride, Tensor Gamma, Tensor Beta, Tensor MovingMean, Tensor MovingVariance);

    readonly List<Tensor> parameters = [], buffers = [];
    readonly Conv stem;
    readonly List<(Conv? shortcut, Conv first, Conv middle, Conv last)> blocks = [];
    readonly Tensor denseKernel, denseBias;
    readonly RawAdam adam;

    public RawResNet50()
    {
        stem = NewConv(1, 64, 7, 2);
        int channels = 64;
        foreach (var (filters, count, stride) in new[] { (64, 3, 1), (128, 4, 2), (256, 6, 2), (512, 3, 2) })
            for (int b = 0; b < count; b++)
            {
                int s = b == 0 ? stride : 1;
                var shortcut = b == 0 ? NewConv(channels, 4 * filters, 1, s) : null;
                blocks.Add((shortcut, NewConv(channels, filters, 1, s), NewConv(filters, filters, 3, 1), NewConv(filters, 4 * filters, 1, 1)));
                channels = 4 * filters;
            }
        denseKernel = Glorot([2048, 10], 2048, 10);
        denseBias = Zeros(10);
        adam = new RawAdam(parameters);
    }

    // Keras's fans for a kh x kw kernel: kh·kw·in and kh·kw·out; stored in torch's (out, in, kh, kw) layout as Conv2D does.
    Conv NewConv(int cin, int cout, int k, int stride) => new(
        Glorot([cout, cin, k, k], k * k * cin, k * k * cout), Zeros(cout), stride,
        Parameter(ones(cout)), Zeros(cout), Buffer(zeros(cout)), Buffer(ones(cout)));

    Tensor Glorot(long[] shape, long fanIn, long fanOut)
    {
        double limit = Math.Sqrt(6.0 / (fanIn + fanOut));
        using (no_grad()) return Parameter(empty(shape).uniform_(-limit, limit));
    }

    Tensor Zeros(long n) => Parameter(zeros(n));

    Tensor Parameter(Tensor t)
    {
        var p = t.requires_grad_(true).DetachFromDisposeScope();
        parameters.Add(p);
        return p;
    }

    Tensor Buffer(Tensor t)
    {
        buffers.Add(t.DetachFromDisposeScope());
        return t;
    }

    /// <summary>One training step on a batch of (N, 28, 28, 1) images; returns the loss.</summary>
    public double Step(Tensor images, Tensor labels)
    {
        using var scope = NewDisposeScope();
        var probabilities = Forward(images.permute(0, 3, 1, 2));
        var normalised = probabilities / probabilities.sum(1, keepdim: true);
        var loss = nn.functional.nll_loss(normalised.clamp(Clip, 1 - Clip).log(), labels);
        var grads = autograd.grad([loss], parameters);
        adam.Step(grads);
        return loss.item<float>();
    }

    Tensor Forward(Tensor x)
    {
        x = nn.functional.pad(x, [2, 2, 2, 2]);              // the stage's ZeroPadding2D(2)
        x = nn.functional.pad(x, [3, 3, 3, 3]);              // conv1_pad
        x = ConvBn(x, stem, padding: 0).relu();
        x = nn.functional.pad(x, [1, 1, 1, 1]);              // pool1_pad (zeros: after a ReLU they never win the max)
        x = nn.functional.max_pool2d(x, [3, 3], [2, 2]);
        foreach (var (shortcut, first, middle, last) in blocks)
        {
            var skip = shortcut is null ? x : ConvBn(x, shortcut, padding: 0);
            var h = ConvBn(x, first, padding: 0).relu();
            h = ConvBn(h, middle, padding: 1).relu();       // 3x3 "same" at stride 1: one pixel each side
            x = (skip + ConvBn(h, last, padding: 0)).relu();
        }
        x = x.mean([2, 3]);                                  // avg_pool
        return nn.functional.softmax(addmm(denseBias, x, denseKernel, beta: 1, alpha: 1), 1);
    }

    static Tensor Convolve(Tensor x, Conv c, int padding)
    {
        bool onePixel = x.shape[2] == 1 && x.shape[3] == 1;
        if (c.Kernel.shape[2] != 1 && !onePixel)
            return nn.functional.conv2d(x, c.Kernel, c.Bias, strides: [c.Stride, c.Stride], padding: [padding, padding]);
        // One live tap: (N·oh·ow, C) @ (C, F) + bias over the channels-last memory. On a 1x1 map the tap that meets the
        // pixel is the one the padding puts on it.
        var image = x.permute(0, 2, 3, 1);
        if (c.Stride > 1) image = image.slice(1, 0, image.shape[1], c.Stride).slice(2, 0, image.shape[2], c.Stride);
        long n = image.shape[0], oh = image.shape[1], ow = image.shape[2], filters = c.Kernel.shape[0];
        var tap = c.Kernel.select(3, padding).select(2, padding); // (filters, C)
        var product = addmm(c.Bias, image.reshape(n * oh * ow, image.shape[3]), tap.t(), beta: 1, alpha: 1);
        return product.view(n, oh, ow, filters).permute(0, 3, 1, 2);
    }

    // Keras's BatchNormalization in training: normalise with the batch statistics, move the averages by 1 − momentum.
    static Tensor ConvBn(Tensor x, Conv c, int padding)
    {
        var y = Convolve(x, c, padding);
        long channels = y.shape[1], n = y.numel() / channels;
        var mean = zeros(channels);
        var variance = zeros(channels);
        var normalised = nn.functional.batch_norm(y, mean, variance, c.Gamma, c.Beta, training: true, momentum: 1.0, eps: BnEpsilon);
        using (no_grad())
        {
            c.MovingMean.mul_(Momentum).add_(mean, alpha: 1 - Momentum);
            c.MovingVariance.mul_(Momentum).add_(variance, alpha: (1 - Momentum) * (n - 1) / n);
        }
        return normalised;
    }

    public void Dispose()
    {
        foreach (var t in parameters.Concat(buffers)) t.Dispose();
        adam.Dispose();
    }
}
