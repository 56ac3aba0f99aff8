using KerasMnist.Keras.Backend;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Numerics;

/// <summary>
/// Adam's update in Keras's "epsilon hat" form, m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²;
/// α = lr·√(1−β₂ᵗ)/(1−β₁ᵗ); w ← w − α·m/(√v + ε), against values computed here, and how it differs from
/// torch's form w ← w − lr·m̂/(√v̂ + ε). The difference shows where |g| is comparable to ε/√(1−β₂ᵗ).
/// </summary>
public class AdamStepTests
{
    const double Lr = 0.01, Beta1 = 0.9, Beta2 = 0.999, Eps = 1e-7;
    static readonly double[] Start = [1, -2];
    // The second component's gradient is tiny, so where ε sits decides the step size.
    static readonly double[][] Grads = [[0.5, 1e-6], [-0.25, 3e-6]];

    static Variable Weight()
    {
        var dense = keras.layers.Dense(2, use_bias: false);
        dense.Build(new KerasMnist.Keras.Shape(1));
        var kernel = dense.weights[0];
        kernel.Assign(tensor(Start.Select(v => (float)v).ToArray()).reshape(1, 2));
        return kernel;
    }

    [Fact]
    public void Keras_adam_matches_the_epsilon_hat_formula_at_t1_and_t2()
    {
        var w = Weight();
        var adam = keras.optimizers.Adam(learning_rate: (float)Lr);
        var keras1 = KerasForm(1);
        var keras2 = KerasForm(2);
        // Worked through by hand for t = 1: m = 0.1·g, v = 0.001·g², α = 0.01·√0.001/0.1 = 0.0031623;
        // w₀ − α·0.05/(0.0158114 + 1e-7) = 0.99000006, w₁ + α·1e-7/(3.1623e-8 + 1e-7) = −2.0024025.
        DenseForwardTests.AssertClose([0.99000006, -2.0024025], keras1, 1e-7);

        Step(adam, w, Grads[0]);
        Assert.Equal(1, adam.iterations);
        DenseForwardTests.AssertClose(keras1, Reference.Values(w.Value), 1e-6);
        Step(adam, w, Grads[1]);
        Assert.Equal(2, adam.iterations);
        DenseForwardTests.AssertClose(keras2, Reference.Values(w.Value), 1e-6);
    }

    [Fact]
    public void Keras_adam_differs_from_torch_adam_with_the_same_epsilon()
    {
        var w = Weight();
        var adam = keras.optimizers.Adam(learning_rate: (float)Lr);
        using var p = new TorchSharp.Modules.Parameter(tensor(Start.Select(v => (float)v).ToArray()), requires_grad: true);
        var torchAdam = optim.Adam([p], lr: Lr, beta1: Beta1, beta2: Beta2, eps: Eps);
        for (int t = 1; t <= 2; t++)
        {
            Step(adam, w, Grads[t - 1]);
            TorchStep(torchAdam, p, Grads[t - 1]);
            var ours = Reference.Values(w.Value);
            var torchs = Reference.Values(p);
            // torch's optimizer does follow the torch form, and ours the Keras form ...
            DenseForwardTests.AssertClose(TorchForm(t), torchs, 1e-6);
            DenseForwardTests.AssertClose(KerasForm(t), ours, 1e-6);
            // ... which move the tiny-gradient weight by clearly different amounts (2.4e-3 vs 9.1e-3 at t = 1, 6.9e-3 vs 17.9e-3 in total at t = 2),
            Assert.True(Math.Abs(ours[1] - torchs[1]) > 4e-3 * t, $"t={t}: Keras {ours[1]} vs torch {torchs[1]}");
            // while a large gradient makes ε irrelevant and both agree.
            Assert.Equal(torchs[0], ours[0], 1e-5);
        }
    }

    [Fact]
    public void Packed_and_per_variable_updates_agree_and_survive_a_second_optimizer()
    {
        // Adam packs the variables of its first call into one buffer; a later call with another list, or another
        // optimizer taking the same variables over, must still give each optimizer's own Keras-form update.
        var dense = keras.layers.Dense(2);
        dense.Build(new KerasMnist.Keras.Shape(1));
        var (kernel, bias) = (dense.weights[0], dense.weights[1]);
        kernel.Assign(tensor(new float[] { 1, -2 }).reshape(1, 2));
        var first = keras.optimizers.Adam(learning_rate: (float)Lr);
        var second = keras.optimizers.Adam(learning_rate: (float)Lr);
        using var gk = tensor(new float[] { 0.5f, 1e-6f }).reshape(1, 2);
        using var gb = tensor(new float[] { -0.25f, 2f });

        first.apply_gradients([gk, gb], [kernel, bias]);   // packs kernel and bias, t = 1
        second.apply_gradients([gk, gb], [kernel, bias]);  // takes them over, its own t = 1
        first.apply_gradients([gk], [kernel]);             // another list: per variable, first's t = 2
        first.apply_gradients([gk, gb], [kernel, bias]);   // back to the packed list, first's t = 3

        // Expected, per element: first's moments see g at its steps 1, 2, 3 (bias: 1 and 3 only, so its moments
        // skip a step), second's at its step 1; each update uses that optimizer's α for its t.
        double K(double w0, double g) => KerasFormElement(KerasFormElement(KerasFormElement(KerasFormElement(w0,
            [(g, 1)]), [(g, 1)]), [(g, 1), (g, 2)]), [(g, 1), (g, 2), (g, 3)]);
        double B(double b0, double g) => KerasFormElement(KerasFormElement(KerasFormElement(b0,
            [(g, 1)]), [(g, 1)]), [(g, 1), (g, 3)]);
        DenseForwardTests.AssertClose([K(1, 0.5), K(-2, 1e-6)], Reference.Values(kernel.Value), 1e-6);
        DenseForwardTests.AssertClose([B(0, -0.25), B(0, 2)], Reference.Values(bias.Value), 1e-6);
        // The layer still computes with the updated values (the variables were moved, not copied).
        using var y = dense.Apply(ones(1, 1));
        DenseForwardTests.AssertClose([K(1, 0.5) + B(0, -0.25), K(-2, 1e-6) + B(0, 2)], Reference.Values(y), 1e-6);
    }

    /// <summary>
    /// One Keras-form update of w, where the optimizer's moments have seen gradient g at the listed steps (the last
    /// one is the current t; moments decay only on steps where this element was updated, as Keras's slots do).
    /// </summary>
    static double KerasFormElement(double w, (double g, int t)[] history)
    {
        double m = 0, v = 0;
        foreach (var (g, _) in history)
        {
            m += (g - m) * (1 - Beta1);
            v += (g * g - v) * (1 - Beta2);
        }
        int t = history[^1].t;
        double alpha = Lr * Math.Sqrt(1 - Math.Pow(Beta2, t)) / (1 - Math.Pow(Beta1, t));
        return w - alpha * m / (Math.Sqrt(v) + Eps);
    }

    static void Step(KerasMnist.Keras.Optimizers.Optimizer adam, Variable w, double[] g)
    {
        using var grad = tensor(g.Select(v => (float)v).ToArray()).reshape(1, 2);
        adam.apply_gradients([grad], [w]);
    }

    static void TorchStep(optim.Optimizer opt, Tensor p, double[] g)
    {
        opt.zero_grad();
        using var gt = tensor(g.Select(v => (float)v).ToArray());
        using var loss = (p * gt).sum(); // d loss / d p = g
        loss.backward();
        opt.step();
    }

    /// <summary>w after <paramref name="steps"/> Keras-form updates, in double.</summary>
    static double[] KerasForm(int steps)
    {
        var (w, m, v) = ((double[])Start.Clone(), new double[2], new double[2]);
        for (int t = 1; t <= steps; t++)
        {
            double alpha = Lr * Math.Sqrt(1 - Math.Pow(Beta2, t)) / (1 - Math.Pow(Beta1, t));
            for (int i = 0; i < 2; i++)
            {
                double g = Grads[t - 1][i];
                m[i] += (g - m[i]) * (1 - Beta1);
                v[i] += (g * g - v[i]) * (1 - Beta2);
                w[i] -= alpha * m[i] / (Math.Sqrt(v[i]) + Eps);
            }
        }
        return w;
    }

    /// <summary>w after <paramref name="steps"/> torch-form updates (bias-corrected moments, ε after the square root), in double.</summary>
    static double[] TorchForm(int steps)
    {
        var (w, m, v) = ((double[])Start.Clone(), new double[2], new double[2]);
        for (int t = 1; t <= steps; t++)
            for (int i = 0; i < 2; i++)
            {
                double g = Grads[t - 1][i];
                m[i] = Beta1 * m[i] + (1 - Beta1) * g;
                v[i] = Beta2 * v[i] + (1 - Beta2) * g * g;
                double mHat = m[i] / (1 - Math.Pow(Beta1, t)), vHat = v[i] / (1 - Math.Pow(Beta2, t));
                w[i] -= Lr * mHat / (Math.Sqrt(vHat) + Eps);
            }
        return w;
    }
}
