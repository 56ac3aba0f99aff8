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
        Assert.Equal(expected, history.history["loss"][0], 5);
        Assert.True(Math.Abs(history.history["loss"][0] - crossEntropyOnly) > 0.05);

        // Validation runs after the epoch's updates, with the final weights, and adds the same penalty.
        var final = model.weights.Select(w => Reference.Values(w.Value)).ToArray();
        var (valCe, valPenalty) = Reference2Layer(final, valid.Rows(0, 4), valid.Labels(0, 4));
        Assert.Equal(valCe + valPenalty, history.history["val_loss"][0], 5);

        var scores = model.evaluate(valid.Batched(4), verbose: 0);
        Assert.Equal(valCe + valPenalty, scores["loss"], 5);
    }

    [Fact]
    public void Gradient_of_the_penalty_reaches_the_weights()
    {
        // With a huge l2 the penalty dominates: training must shrink the regularized kernel, which only
        // happens if the penalty is part of the loss being differentiated (not just added to the log).
        var data = new SmallData(count: 8, features: 4, classes: 3, seed: 9);
        var model = keras.Sequential(keras.layers.Dense(3, kernel_regularizer: keras.regularizers.l2(10f), input_shape: 4));
        model.compile(keras.optimizers.Adam(0.1f), keras.losses.SparseCategoricalCrossentropy(from_logits: true));
        double before = Reference.SumOfSquares(model.weights[0].Value);
        var history = model.fit(data.Batched(8), epochs: 30, verbose: 0);
        double after = Reference.SumOfSquares(model.weights[0].Value);
        Assert.True(after < 0.2 * before, $"Σw² went from {before} to {after}");
        Assert.True(history.history["loss"][^1] < history.history["loss"][0] * 0.5);
    }
}
