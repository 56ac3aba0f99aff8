using KerasMnist.Tests.Keras.Numerics;
using static KerasMnist.Keras.KerasApi;

namespace KerasMnist.Tests.Keras.Training;

/// <summary>
/// The L2 term: l2·Σw² per regularized kernel (no ½, not divided by the batch size), added to every batch's
/// mean cross-entropy, and included in the reported loss, val_loss and evaluate's loss, as Keras does.
/// </summary>
public class RegularizedLossTests
{
    const float L2Hidden = 0.05f, L2Output = 0.02f;

    static KerasMnist.Keras.Models.Sequential Mlp() => keras.Sequential(
        keras.layers.Dense(5, activation: "relu", kernel_regularizer: keras.regularizers.l2(L2Hidden), input_shape: 4),
        keras.layers.Dense(3, kernel_regularizer: keras.regularizers.l2(L2Output)));

    /// <summary>Mean cross-entropy of the MLP with weights (k1, b1, k2, b2), and its L2 penalty.</summary>
    static (double ce, double penalty) Reference2Layer(double[][] w, double[,] x, long[] labels)
    {
        var hidden = Reference.Relu(Reference.Affine(x, w[0], w[1]));
        var logits = Reference.Affine(hidden, w[2], w[3]);
        double penalty = L2Hidden * w[0].Sum(v => v * v) + L2Output * w[2].Sum(v => v * v);
        return (Reference.CrossEntropyFromLogits(logits, labels), penalty);
    }

    [Fact]
    public void Fit_reports_cross_entropy_plus_l2_penalty_in_loss_and_val_loss()
    {
        var train = new SmallData(count: 6, features: 4, classes: 3, seed: 5);
        var valid = new SmallData(count: 4, features: 4, classes: 3, seed: 6);
        var model = Mlp();
        model.compile(keras.optimizers.Adam(0.01f), keras.losses.SparseCategoricalCrossentropy(from_logits: true));
        SmallData.FixKernels(model, seed: 102);
        var snapshots = new WeightSnapshots();

        var history = model.fit(train.Batched(3), epochs: 1, verbose: 0, callbacks: [snapshots], validation_data: valid.Batched(4));

        double expected = 0, crossEntropyOnly = 0;
        for (int k = 0; k < 2; k++)
        {
            var (ce, penalty) = Reference2Layer(snapshots.BeforeStep[k], train.Rows(3 * k, 3), train.Labels(3 * k, 3));
            Assert.InRange(penalty, 0.05, 10); // large enough to matter
            expected += (ce + penalty) * 3 / 6;
            crossEntropyOnly += ce * 3 / 6;
        }
        Assert.Equal(expected, history.history["loss"][0], 1e-5);
        Assert.True(Math.Abs(history.history["loss"][0] - crossEntropyOnly) > 0.05);

        // Validation runs after the epoch's updates, with the final weights, and adds the same penalty.
        var final = model.weights.Select(w => Reference.Values(w.Value)).ToArray();
        var (valCe, valPenalty) = Reference2Layer(final, valid.Rows(0, 4), valid.Labels(0, 4));
        Assert.Equal(valCe + valPenalty, history.history["val_loss"][0], 1e-5);

        var scores = model.evaluate(valid.Batched(4), verbose: 0);
        Assert.Equal(valCe + valPenalty, scores["loss"], 1e-5);
    }

    [Fact]
    public void Training_step_gradient_of_the_penalty_is_two_l2_w()
    {
        // Feature 2 is always 0, so row 2 of the kernel gets no gradient from the cross-entropy: only 2·l2·w. With a
        // gradient that small (~1e-6), Adam's first step −α·m/(√v + ε) depends on its size, not just its sign, so the
        // step pins the factor: 2·l2·w moves the weight by 0.240·lr, l2·w (a missing 2) by 0.137·lr.
        const float L2 = 5e-7f, Lr = 0.1f;
        var data = new SmallData(count: 4, features: 3, classes: 2, seed: 41);
        for (int i = 0; i < data.Count; i++) data.X[i * 3 + 2] = 0;
        var model = keras.Sequential(keras.layers.Dense(2, kernel_regularizer: keras.regularizers.l2(L2), input_shape: 3));
        model.compile(keras.optimizers.Adam(Lr), keras.losses.SparseCategoricalCrossentropy(from_logits: true));
        model.weights[0].Assign(TorchSharp.torch.tensor(new float[] { 0.3f, -0.4f, 0.5f, 0.6f, 1.0f, -0.8f }).reshape(3, 2));

        model.fit(data.Batched(4), epochs: 1, verbose: 0);

        var kernel = Reference.Values(model.weights[0].Value);
        double alpha = Lr * Math.Sqrt(1 - 0.999) / (1 - 0.9);
        foreach (var (index, w) in new[] { (4, 1.0), (5, -0.8) })
        {
            double g = 2 * L2 * w, m = 0.1 * g, v = 0.001 * g * g;
            Assert.Equal(w - alpha * m / (Math.Sqrt(v) + 1e-7), kernel[index], 1e-6);
        }
    }

    [Fact]
    public void Gradient_of_the_penalty_reaches_the_weights()
    {
        // With a huge l2 the penalty dominates: training must shrink the regularized kernel, which only
        // happens if the penalty is part of the loss being differentiated (not just added to the log).
        var data = new SmallData(count: 8, features: 4, classes: 3, seed: 9);
        var model = keras.Sequential(keras.layers.Dense(3, kernel_regularizer: keras.regularizers.l2(10f), input_shape: 4));
        model.compile(keras.optimizers.Adam(0.1f), keras.losses.SparseCategoricalCrossentropy(from_logits: true));
        SmallData.FixKernels(model, seed: 103);
        double before = Reference.SumOfSquares(model.weights[0].Value);
        var history = model.fit(data.Batched(8), epochs: 30, verbose: 0);
        double after = Reference.SumOfSquares(model.weights[0].Value);
        Assert.True(after < 0.2 * before, $"Σw² went from {before} to {after}");
        Assert.True(history.history["loss"][^1] < history.history["loss"][0] * 0.5);
    }
}
