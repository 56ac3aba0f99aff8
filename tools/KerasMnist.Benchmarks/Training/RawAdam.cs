using static TorchSharp.torch;

namespace KerasMnist.Benchmarks.Training;

/// <summary>
/// Keras's Adam (learning rate 0.001, epsilon 1e-7 added to sqrt(v) with the bias correction folded into the step
/// size, Keras's "epsilon-hat" form) written inline for the raw loops: the floor the keras API's optimizer is measured
/// against. It owns the moments, not the parameters.
/// </summary>
internal sealed class RawAdam(IReadOnlyList<Tensor> parameters) : IDisposable
{
    const double Lr = 0.001, Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-7;

    readonly List<(Tensor m, Tensor v)> moments =
        [.. parameters.Select(p => (zeros_like(p).DetachFromDisposeScope(), zeros_like(p).DetachFromDisposeScope()))];
    long step;

    /// <summary>One update of every parameter with its gradient in <paramref name="grads"/> (same order).</summary>
    public void Step(IList<Tensor> grads)
    {
        using var _ = no_grad();
        step++;
        double alpha = Lr * Math.Sqrt(1 - Math.Pow(Beta2, step)) / (1 - Math.Pow(Beta1, step));
        for (int i = 0; i < parameters.Count; i++)
        {
            var (m, v) = moments[i];
            var g = grads[i];
            m.mul_(Beta1).add_(g, alpha: 1 - Beta1);
            v.mul_(Beta2).addcmul_(g, g, value: 1 - Beta2);
            parameters[i].addcdiv_(m, v.sqrt().add_(Epsilon), value: -alpha);
        }
    }

    public void Dispose()
    {
        foreach (var (m, v) in moments)
        {
            m.Dispose();
            v.Dispose();
        }
    }
}
