using TorchSharp;
using static TorchSharp.torch;

namespace KerasMnist.Benchmarks.Training;

/// <summary>
/// The floor the Keras layer is measured against: the notebook's MLP or CNN written as a plain TorchSharp loop.
/// Same math as our keras API (Keras's glorot_uniform/zeros init, cross-entropy on logits, l2·Σw² on the CNN's
/// four kernels, Keras's epsilon-hat Adam written inline, loss.item() every step), but none of the API:
/// batches come from index_select on one normalised NHWC tensor with a fresh permutation per epoch, and are viewed as
/// (N, C, H, W) in channels-last memory, the layout the API computes in (the faster one here: performance.md).
/// </summary>
internal sealed class RawTorchLoop : IDisposable
{
    const double L2 = 1e-3;
    const int BatchSize = 128;

    readonly bool cnn;
    readonly List<Tensor> parameters = new();
    readonly List<Tensor> kernels = new();
    readonly RawAdam adam;

    public RawTorchLoop(bool cnn)
    {
        this.cnn = cnn;
        if (cnn)
        {
            // Conv kernels in torch's (out, in, kh, kw) layout with Keras's fans (kh·kw·in, kh·kw·out).
            AddKernel([8, 1, 3, 3], 9, 72);
            AddBias(8);
            AddKernel([16, 8, 3, 3], 72, 144);
            AddBias(16);
            AddKernel([400, 128], 400, 128);
            AddBias(128);
            AddKernel([128, 10], 128, 10);
            AddBias(10);
        }
        else
        {
            AddKernel([784, 128], 784, 128);
            AddBias(128);
            AddKernel([128, 10], 128, 10);
            AddBias(10);
        }
        adam = new RawAdam(parameters);
    }

    void AddKernel(long[] shape, long fanIn, long fanOut)
    {
        double limit = Math.Sqrt(6.0 / (fanIn + fanOut));
        Tensor w;
        using (no_grad()) w = empty(shape).uniform_(-limit, limit).requires_grad_(true).DetachFromDisposeScope();
        parameters.Add(w);
        kernels.Add(w);
    }

    void AddBias(long n) => parameters.Add(zeros(n).requires_grad_(true).DetachFromDisposeScope());

    Tensor Forward(Tensor x)
    {
        var p = parameters;
        if (!cnn)
            return Dense(Dense(x.reshape(x.shape[0], -1), p[0], p[1]).relu(), p[2], p[3]);
        var h = nn.functional.max_pool2d(nn.functional.relu(nn.functional.conv2d(x, p[0], p[1])), 2);
        h = nn.functional.max_pool2d(nn.functional.relu(nn.functional.conv2d(h, p[2], p[3])), 2);
        // Flatten in Keras's (H, W, C) order, as the API does, so both compute the same function of the weights
        // (a view of channels-last memory).
        h = h.permute(0, 2, 3, 1).reshape(h.shape[0], -1);
        return Dense(Dense(h, p[4], p[5]).relu(), p[6], p[7]);
    }

    static Tensor Dense(Tensor x, Tensor kernel, Tensor bias) => addmm(bias, x, kernel, beta: 1, alpha: 1);

    /// <summary>One epoch over <paramref name="images"/> (N, 28, 28, 1 float) in a new random order; returns the mean loss.</summary>
    public double TrainEpoch(Tensor images, Tensor labels)
    {
        long n = images.shape[0];
        using var order = randperm(n);
        double total = 0;
        for (long start = 0; start < n; start += BatchSize)
        {
            using var scope = NewDisposeScope();
            long size = Math.Min(BatchSize, n - start);
            var index = order.narrow(0, start, size);
            total += Step(images.index_select(0, index).permute(0, 3, 1, 2), labels.index_select(0, index)) * size;
        }
        return total / n;
    }

    /// <summary>One epoch over the batches of a tf.data pipeline (NHWC images): where the API's time goes, pipeline or model code.</summary>
    public double TrainEpoch(KerasMnist.Datasets.Data.Dataset batches)
    {
        double total = 0;
        long n = 0;
        foreach (var (images, labels) in batches)
        {
            using var scope = NewDisposeScope();
            total += Step(images.permute(0, 3, 1, 2), labels) * labels.shape[0];
            n += labels.shape[0];
            images.Dispose();
            labels.Dispose();
        }
        return total / n;
    }

    double Step(Tensor x, Tensor y)
    {
        var loss = nn.functional.cross_entropy(Forward(x), y);
        if (cnn)
            foreach (var k in kernels) loss = loss + k.square().sum().mul(L2);
        var grads = autograd.grad([loss], parameters);
        adam.Step(grads);
        return loss.item<float>();
    }

    /// <summary>Accuracy on (N, 28, 28, 1) images, in batches, without gradients.</summary>
    public double Accuracy(Tensor images, Tensor labels)
    {
        using var _ = no_grad();
        long correct = 0, n = images.shape[0];
        for (long start = 0; start < n; start += 1000)
        {
            using var scope = NewDisposeScope();
            long size = Math.Min(1000, n - start);
            var logits = Forward(images.narrow(0, start, size).permute(0, 3, 1, 2));
            correct += logits.argmax(1).eq(labels.narrow(0, start, size)).sum().item<long>();
        }
        return (double)correct / n;
    }

    public void Dispose()
    {
        foreach (var p in parameters) p.Dispose();
        adam.Dispose();
    }
}
