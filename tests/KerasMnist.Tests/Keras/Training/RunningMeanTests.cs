using KerasMnist.Tests.Keras.Numerics;
using static KerasMnist.Keras.KerasApi;

namespace KerasMnist.Tests.Keras.Training;

/// <summary>
/// What fit reports: loss and accuracy as running means since the epoch began, weighted by batch size (so a
/// ragged last batch counts for its rows only), computed from the forward pass before each step's update, and
/// reset at every epoch.
/// </summary>
public class RunningMeanTests
{
    const int Batch = 2;

    [Fact]
    public void Epoch_loss_and_accuracy_are_batch_size_weighted_means_with_a_ragged_last_batch()
    {
        var data = new SmallData(count: 5, features: 4, classes: 3, seed: 11); // batches of 2, 2, 1
        var model = keras.Sequential(keras.layers.Dense(3, input_shape: 4));
        model.compile(keras.optimizers.Adam(0.05f), keras.losses.SparseCategoricalCrossentropy(from_logits: true), ["accuracy"]);
        SmallData.FixKernels(model, seed: 101);
        var snapshots = new WeightSnapshots();

        var history = model.fit(data.Batched(Batch), epochs: 2, verbose: 0, callbacks: [snapshots]);

        Assert.Equal(6, snapshots.BeforeStep.Count);
        for (int epoch = 0; epoch < 2; epoch++)
        {
            var (losses, correct, sizes) = Batches(data, snapshots, epoch * 3);
            double weighted = losses.Zip(sizes).Sum(p => p.First * p.Second) / 5;
            double unweighted = losses.Average();
            // The data make the two means differ, so the check can tell them apart.
            Assert.True(Math.Abs(weighted - unweighted) > 1e-2, $"weighted {weighted} vs unweighted {unweighted}");
            Assert.Equal(weighted, history.history["loss"][epoch], 1e-5);
            Assert.Equal(correct.Sum() / 5.0, history.history["accuracy"][epoch], 1e-6);

            // Per step, the logs hold the running mean so far (Keras's progress bar shows these).
            double seenLoss = 0, seenCorrect = 0, seen = 0;
            for (int k = 0; k < 3; k++)
            {
                seenLoss += losses[k] * sizes[k];
                seenCorrect += correct[k];
                seen += sizes[k];
                var logs = snapshots.StepLogs[epoch * 3 + k];
                Assert.Equal(seenLoss / seen, logs["loss"], 1e-5);
                Assert.Equal(seenCorrect / seen, logs["accuracy"], 1e-6);
            }
        }
        // Training moved the weights between epochs, so epoch 2 is not a replay of epoch 1.
        Assert.NotEqual(history.history["loss"][0], history.history["loss"][1]);
    }

    /// <summary>Each batch's mean cross-entropy and correct count, recomputed from the weights before its step.</summary>
    static (double[] losses, int[] correct, int[] sizes) Batches(SmallData data, WeightSnapshots snapshots, int firstStep)
    {
        var losses = new double[3];
        var correct = new int[3];
        var sizes = new int[3];
        for (int k = 0; k < 3; k++)
        {
            int start = k * Batch, size = Math.Min(Batch, data.Count - start);
            var weights = snapshots.BeforeStep[firstStep + k];
            var logits = Reference.Affine(data.Rows(start, size), weights[0], weights[1]);
            losses[k] = Reference.CrossEntropyFromLogits(logits, data.Labels(start, size));
            correct[k] = Reference.Correct(logits, data.Labels(start, size));
            sizes[k] = size;
        }
        return (losses, correct, sizes);
    }
}
