using KerasMnist.Keras.Backend;
using KerasMnist.Keras.Models;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Numerics;

/// <summary>
/// The gradients training uses (autograd through our layers, layout changes and Flatten's H, W, C order) against
/// central differences of the loss. The library's weights are float32, so the differences are taken in float32
/// with a step (1e-3) where rounding error (~1e-4) stays far below the tolerance and a wrong gradient does not.
/// </summary>
public class GradientCheckTests
{
    const float Step = 1e-3f;

    [Fact]
    public void Gradients_match_central_differences_through_conv_pool_flatten_dense()
    {
        var model = keras.Sequential(
            keras.layers.Conv2D(3, 3, activation: "tanh", input_shape: (7, 7, 2)),
            keras.layers.MaxPooling2D(),
            keras.layers.Flatten(),
            keras.layers.Dense(4));
        var random = new Random(1234);
        // Fixed weights (biases included, so their gradients are tested away from zero) make the check deterministic.
        foreach (var w in model.weights) w.Assign(Uniform(random, w.Value.shape, 0.5));
        using var x = Uniform(random, [3, 7, 7, 2], 1.0);
        using var y = tensor(new long[] { 0, 3, 1 });
        var loss = keras.losses.SparseCategoricalCrossentropy(from_logits: true);

        var analytic = AnalyticGradients(model, loss, x, y);
        var numeric = model.trainable_weights.Select(w => CentralDifferences(model, loss, x, y, w)).ToList();

        var a = analytic.SelectMany(g => g).ToArray();
        var n = numeric.SelectMany(g => g).ToArray();
        Assert.Equal(3 * 2 * 3 * 3 + 3 + 12 * 4 + 4, a.Length);
        Assert.True(a.Count(v => Math.Abs(v) > 1e-3) > a.Length / 2, "most gradients should be clearly nonzero for the check to mean anything");
        for (int i = 0; i < a.Length; i++)
            Assert.True(Math.Abs(a[i] - n[i]) <= 1e-3 + 2e-2 * Math.Abs(n[i]), $"gradient {i}: autograd {a[i]}, central difference {n[i]}");
        Assert.True(RelativeError(a, n) < 1e-2, $"relative error {RelativeError(a, n)}");
        // The tolerance is tight enough to reject a gradient that is off by 10%.
        Assert.True(RelativeError(a.Select(v => 1.1 * v).ToArray(), n) > 5e-2);
    }

    static List<double[]> AnalyticGradients(Model model, KerasMnist.Keras.Losses.Loss loss, Tensor x, Tensor y)
    {
        using var scope = NewDisposeScope();
        var value = loss.Call(y, model.Apply(x, training: true));
        var grads = autograd.grad([value], model.trainable_weights.Select(w => w.Value).ToList());
        return grads.Select(Reference.Values).ToList();
    }

    static double[] CentralDifferences(Model model, KerasMnist.Keras.Losses.Loss loss, Tensor x, Tensor y, Variable w)
    {
        var shape = w.Value.shape;
        var original = Reference.Values(w.Value).Select(v => (float)v).ToArray();
        var result = new double[original.Length];
        for (int i = 0; i < original.Length; i++)
        {
            double plus = LossWith(i, original[i] + Step), minus = LossWith(i, original[i] - Step);
            result[i] = (plus - minus) / (2.0 * Step);
        }
        w.Assign(tensor(original).reshape(shape));
        return result;

        double LossWith(int index, float value)
        {
            var moved = (float[])original.Clone();
            moved[index] = value;
            using var scope = NewDisposeScope();
            w.Assign(tensor(moved).reshape(shape));
            using var _ = no_grad();
            return loss.Call(y, model.Apply(x)).item<float>();
        }
    }

    static double RelativeError(double[] a, double[] b) =>
        Math.Sqrt(a.Zip(b).Sum(p => (p.First - p.Second) * (p.First - p.Second))) / Math.Sqrt(b.Sum(v => v * v));

    static Tensor Uniform(Random random, long[] shape, double scale)
    {
        long n = shape.Aggregate(1L, (p, d) => p * d);
        var values = new float[n];
        for (long i = 0; i < n; i++) values[i] = (float)((random.NextDouble() * 2 - 1) * scale);
        return tensor(values).reshape(shape);
    }
}
