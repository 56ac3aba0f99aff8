using KerasMnist.Tests.Keras.Numerics;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Training;

/// <summary>
/// fit runs the forward pass in training mode (Dropout drops, BatchNormalization uses and updates batch
/// statistics) and reports its loss from that pass; evaluate and predict run in inference mode (Dropout passes
/// through, BatchNormalization uses the moving statistics and leaves them alone).
/// </summary>
public class TrainingModeTests
{
    [Fact]
    public void Dropout_drops_and_rescales_in_training_and_passes_through_in_inference()
    {
        var dropout = keras.layers.Dropout(0.5f);
        using var x = ones(1, 4000);
        using var trained = dropout.Apply(x, training: true);
        var values = Reference.Values(trained);
        Assert.All(values, v => Assert.True(v == 0 || v == 2, $"kept values are scaled by 1/(1 − 0.5): got {v}"));
        // Binomial(4000, 0.5): the dropped fraction is within 5 standard errors (0.04) of 0.5.
        Assert.InRange(values.Count(v => v == 0) / 4000.0, 0.46, 0.54);
        using var inferred = dropout.Apply(x, training: false);
        Assert.All(Reference.Values(inferred), v => Assert.Equal(1.0, v));
    }

    [Fact]
    public void Fit_reports_the_dropout_forward_pass_and_evaluate_the_full_one()
    {
        // Dropout(1) zeroes the hidden layer in training, so before the first update the logits are the zero
        // output bias and fit's loss is exactly ln 3; evaluate sees the hidden layer and reports something else.
        var data = new SmallData(count: 6, features: 4, classes: 3, seed: 21);
        var model = keras.Sequential(
            keras.layers.Dense(8, activation: "relu", input_shape: 4),
            keras.layers.Dropout(1f),
            keras.layers.Dense(3));
        model.compile(keras.optimizers.Adam(0.01f), keras.losses.SparseCategoricalCrossentropy(from_logits: true));
        SmallData.FixKernels(model, seed: 104);
        var history = model.fit(data.Batched(6), epochs: 1, verbose: 0);
        Assert.Equal(Math.Log(3), history.history["loss"][0], 1e-6);

        var w = model.weights.Select(v => Reference.Values(v.Value)).ToArray();
        var logits = Reference.Affine(Reference.Relu(Reference.Affine(data.Rows(0, 6), w[0], w[1])), w[2], w[3]);
        double expected = Reference.CrossEntropyFromLogits(logits, data.Labels(0, 6));
        Assert.True(Math.Abs(expected - Math.Log(3)) > 1e-2, "the hidden layer must change the loss for the check to mean anything");
        Assert.Equal(expected, model.evaluate(data.Batched(6), verbose: 0)["loss"], 1e-5);
    }

    [Fact]
    public void Batch_norm_trains_on_batch_statistics_and_infers_with_moving_statistics()
    {
        const double Momentum = 0.99, Epsilon = 1e-3;
        var data = new SmallData(count: 6, features: 4, classes: 3, seed: 22);
        var model = DenseBatchNormDense();
        SmallData.FixKernels(model, seed: 105);
        // Weights: dense kernel, bias; gamma, beta, moving_mean, moving_variance; dense_1 kernel, bias.
        Assert.Equal(8, model.weights.Count);
        var snapshots = new WeightSnapshots();
        var history = model.fit(data.Batched(6), epochs: 1, verbose: 0, callbacks: [snapshots]);

        // Training mode: normalised with this batch's mean and biased variance (gamma 1, beta 0 before the step).
        var before = snapshots.BeforeStep[0];
        var hidden = Reference.Affine(data.Rows(0, 6), before[0], before[1]);
        var (mean, variance) = ColumnStatistics(hidden);
        var normalised = Normalise(hidden, mean, variance, before[2], before[3], Epsilon);
        double trainLoss = Reference.CrossEntropyFromLogits(Reference.Affine(normalised, before[6], before[7]), data.Labels(0, 6));
        Assert.Equal(trainLoss, history.history["loss"][0], 1e-5);

        // The moving statistics moved once: moving = moving·0.99 + batch·0.01, with the biased variance.
        var after = model.weights.Select(v => Reference.Values(v.Value)).ToArray();
        DenseForwardTests.AssertClose(mean.Select(m => (1 - Momentum) * m).ToArray(), after[4], 1e-6);
        DenseForwardTests.AssertClose(variance.Select(v => Momentum + (1 - Momentum) * v).ToArray(), after[5], 1e-5);

        // Inference mode: the moving statistics, which evaluate and predict leave unchanged.
        var finalHidden = Reference.Affine(data.Rows(0, 6), after[0], after[1]);
        var inferred = Normalise(finalHidden, after[4], after[5], after[2], after[3], Epsilon);
        double inferenceLoss = Reference.CrossEntropyFromLogits(Reference.Affine(inferred, after[6], after[7]), data.Labels(0, 6));
        Assert.Equal(inferenceLoss, model.evaluate(data.Batched(6), verbose: 0)["loss"], 1e-5);
        using var x = tensor(data.X.Select(v => (float)v).ToArray()).reshape(6, 4);
        using var _ = model.predict(x);
        DenseForwardTests.AssertClose(after[4], Reference.Values(model.weights[4].Value), 0);
        DenseForwardTests.AssertClose(after[5], Reference.Values(model.weights[5].Value), 0);
        Assert.True(Math.Abs(trainLoss - inferenceLoss) > 1e-2, "batch and moving statistics differ enough to tell the modes apart");
    }

    static (double[] mean, double[] variance) ColumnStatistics(double[,] h)
    {
        int n = h.GetLength(0), c = h.GetLength(1);
        var mean = new double[c];
        var variance = new double[c];
        for (int j = 0; j < c; j++)
        {
            for (int i = 0; i < n; i++) mean[j] += h[i, j] / n;
            for (int i = 0; i < n; i++) variance[j] += (h[i, j] - mean[j]) * (h[i, j] - mean[j]) / n; // biased
        }
        return (mean, variance);
    }

    static double[,] Normalise(double[,] h, double[] mean, double[] variance, double[] gamma, double[] beta, double epsilon)
    {
        var y = new double[h.GetLength(0), h.GetLength(1)];
        for (int i = 0; i < h.GetLength(0); i++)
            for (int j = 0; j < h.GetLength(1); j++)
                y[i, j] = (h[i, j] - mean[j]) / Math.Sqrt(variance[j] + epsilon) * gamma[j] + beta[j];
        return y;
    }

    [Fact]
    public void Freezing_a_model_freezes_its_layers_and_puts_batch_norm_in_inference_mode()
    {
        var data = new SmallData(count: 6, features: 4, classes: 3, seed: 23);
        var model = DenseBatchNormDense();
        model.trainable = false;
        Assert.All(model.layers, l => Assert.False(l.trainable, $"{l.name} should be frozen with its model"));
        var before = model.weights.Select(v => Reference.Values(v.Value)).ToArray();

        // Keras 3 warns that there is nothing to train, and still runs the forward pass and reports the loss.
        var history = model.fit(data.Batched(6), epochs: 2, verbose: 0);

        Assert.Equal(2, history.history["loss"].Count);
        var after = model.weights.Select(v => Reference.Values(v.Value)).ToArray();
        // Kernels, biases, gamma and beta, and also the moving statistics: a frozen BatchNormalization infers.
        for (int i = 0; i < before.Length; i++)
            Assert.Equal(before[i], after[i]);

        model.trainable = true;
        Assert.All(model.layers, l => Assert.True(l.trainable));
        model.fit(data.Batched(6), epochs: 1, verbose: 0);
        int moving = model.weights.ToList().FindIndex(v => v.Name.EndsWith("moving_mean", StringComparison.Ordinal));
        Assert.NotEqual(before[moving], Reference.Values(model.weights[moving].Value));
    }

    static KerasMnist.Keras.Models.Sequential DenseBatchNormDense()
    {
        var model = keras.Sequential(
            keras.layers.Dense(5, input_shape: 4),
            keras.layers.BatchNormalization(),
            keras.layers.Dense(3));
        model.compile(keras.optimizers.Adam(0.01f), keras.losses.SparseCategoricalCrossentropy(from_logits: true));
        return model;
    }
}
