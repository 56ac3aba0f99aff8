using KerasMnist.Datasets;
using KerasMnist.Datasets.Data;
using KerasMnist.Keras;
using KerasMnist.Keras.Callbacks;
using KerasMnist.Keras.Models;
using KerasMnist.Tests.Keras.Models;
using KerasMnist.Tests.Keras.Training;
using KerasMnist.Tutorial;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Tutorial;

/// <summary>
/// The training-time estimate times real steps and leaves no trace: a seeded run trains exactly as it would have
/// without it. Seeds torch's global generator, so it runs in the collection that has the process to itself.
/// </summary>
[Collection(GlobalStateCollection.Name)]
public class TrainingTimeTests
{
    // More batches (50) than the estimate takes from its pass, so fit's pass starts where the estimate's did not end.
    static readonly SmallData Train = new(count: 400, features: 4, classes: 3, seed: 91);
    static readonly SmallData Valid = new(count: 12, features: 4, classes: 3, seed: 92);

    // Dropout draws from torch's generator, BatchNormalization and L2 add state a step moves, the first layer has no
    // input shape (the model is built by its first batch), and the training data is shuffled by the global seed.
    static (Model model, Dataset train, Dataset valid) Setup()
    {
        keras.utils.set_random_seed(5);
        var model = keras.Sequential(
            keras.layers.Dense(8, activation: "relu", kernel_regularizer: keras.regularizers.l2(1e-2f)),
            keras.layers.Dropout(0.3f),
            keras.layers.BatchNormalization(),
            keras.layers.Dense(3));
        model.compile(keras.optimizers.Adam(0.01f), keras.losses.SparseCategoricalCrossentropy(from_logits: true), ["accuracy"]);
        using var x = tensor(Train.X.Select(v => (float)v).ToArray()).reshape(Train.Count, Train.Features);
        using var y = tensor(Train.Y);
        // The tutorial's pipeline shape: map, cache, shuffle (seeded by the global seed), batch, prefetch.
        static (Tensor, Tensor) scale(Tensor features, Tensor label) => (features * 0.5f, label);
        var train = Dataset.from_tensor_slices(x, y).map(scale).cache().shuffle(400).batch(8).prefetch(tf.data.AUTOTUNE);
        return (model, train, Valid.Batched(8));
    }

    [Fact]
    public void Measuring_first_changes_nothing_in_the_training_that_follows()
    {
        var (measured, train, valid) = Setup();
        var estimate = TrainingTime.Measure(measured, train, valid);
        var withEstimate = measured.fit(train, epochs: 2, verbose: 0, validation_data: valid);

        // The run without it: the same build from the same generator state, and the one pass of the training data the
        // estimate starts (a seeded shuffle counts passes, and the tutorial's numbers have always included that pass).
        var (plain, plainTrain, plainValid) = Setup();
        plain.Build(new Shape(4));
        foreach (var (x, y) in plainTrain.take(1))
        {
            x.Dispose();
            y.Dispose();
        }
        var without = plain.fit(plainTrain, epochs: 2, verbose: 0, validation_data: plainValid);

        Assert.Equal(without.history.Keys, withEstimate.history.Keys);
        foreach (var key in without.history.Keys) Assert.Equal(without.history[key], withEstimate.history[key]);
        Assert.All(measured.weights.Zip(plain.weights), p => Assert.True(TestModels.BitwiseEqual(p.First.Value, p.Second.Value), p.First.Name));
        Assert.Equal(plain.optimizer!.iterations, measured.optimizer!.iterations);
        Assert.True(estimate.TrainStep > TimeSpan.Zero && estimate.TestStep > TimeSpan.Zero);
    }

    [Fact]
    public void The_estimate_counts_the_epochs_steps_and_builds_the_model()
    {
        var (model, train, valid) = Setup();
        Assert.False(model.built);
        var estimate = TrainingTime.Measure(model, train, valid);
        Assert.True(model.built);
        Assert.Equal(50, estimate.TrainSteps);
        Assert.Equal(2, estimate.ValidationSteps);
        Assert.Equal(estimate.TrainStep * 50 + estimate.TestStep * 2, estimate.Epoch);
        Assert.Equal(estimate.Epoch * 3, estimate.For(3));

        // One batch is enough to time with (it is stepped on again); no validation data, no validation pass.
        var one = TrainingTime.Measure(model, train.take(1), validation: null);
        Assert.Equal(1, one.TrainSteps);
        Assert.Equal((0L, TimeSpan.Zero), (one.ValidationSteps, one.TestStep));
        Assert.Contains("no batches", Assert.Throws<InvalidOperationException>(() => TrainingTime.Measure(model, train.take(0), null)).Message);
    }

    [Fact]
    public void The_note_counts_in_german_singular_and_plural()
    {
        // One epoch: the total would only repeat the epoch's time.
        Assert.Equal("Geschätzte Dauer auf cpu: 4 ms pro Epoche (1 Schritt à 4 ms).",
            new TrainingTime(TimeSpan.FromMilliseconds(4), 1, TimeSpan.Zero, 0).Describe(1, "cpu"));
        Assert.Equal(
            "Geschätzte Dauer auf cpu: 3,55 s pro Epoche (16 Schritte à 200 ms und 7 Validierungsschritte à 50 ms), etwa 35,5 s für 10 Epochen.",
            new TrainingTime(TimeSpan.FromMilliseconds(200), 16, TimeSpan.FromMilliseconds(50), 7).Describe(10, "cpu"));
        Assert.Contains("(2 Schritte à 1,00 s und 1 Validierungsschritt à 500 ms)",
            new TrainingTime(TimeSpan.FromSeconds(1), 2, TimeSpan.FromMilliseconds(500), 1).Describe(2, "cpu"));
        // German digits throughout: thousands with a dot, decimals with a comma.
        Assert.Equal(
            "Geschätzte Dauer auf cpu: 1 min 14 s pro Epoche (1.200 Schritte à 62 ms), etwa 12 min 24 s für 10 Epochen.",
            new TrainingTime(TimeSpan.FromMilliseconds(62), 1200, TimeSpan.Zero, 0).Describe(10, "cpu"));
    }

    [Fact]
    public void A_step_shorter_than_a_millisecond_reads_unter_1_ms_not_0_ms()
    {
        var note = new TrainingTime(TimeSpan.FromMilliseconds(0.3), 40, TimeSpan.FromMilliseconds(0.2), 4).Describe(3, "cpu");
        Assert.Equal("Geschätzte Dauer auf cpu: 13 ms pro Epoche (40 Schritte à unter 1 ms und 4 Validierungsschritte à unter 1 ms), " +
            "etwa 38 ms für 3 Epochen.", note);
    }
}
