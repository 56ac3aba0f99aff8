using KerasMnist.Datasets.Data;
using KerasMnist.Keras.Models;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Benchmarks.Training;

/// <summary>
/// The applications stage's ResNet50 trained one step at a time on three sides taking turns (the first side rotates):
/// <c>fit</c> through our keras API on a one-batch tf.data dataset, <see cref="RawResNet50"/>, and PyTorch. Every side
/// steps through the same 8 batches of 128 (the first 1,024 training images) in the same order. Seconds per
/// training step, min and median, after 2 warm-up steps per side.
/// </summary>
internal static class ResNet50Steps
{
    const int Batch = 128, Batches = 8, WarmUp = 2;

    sealed record Side(string Label, Func<int, double> Step, Func<double> Loss)
    {
        public List<double> Times { get; } = [];
        public List<double> WarmUps { get; } = [];
    }

    /// <summary>Prints each side's seconds per step and the ratios; true when both targets are met.</summary>
    public static bool Compare(MnistSplits data, int steps, PyTorchReference? pytorch, double ratioTarget)
    {
        Console.WriteLine();
        Console.WriteLine($"ResNet50 (Input 28x28x1 → ZeroPadding2D(2) → ResNet50, 10 classes), batch {Batch}: {steps} timed steps per " +
                          $"side after {WarmUp} warm-up steps, sides taking turns step by step");
        var images = data.TrainImages.narrow(0, 0, Batch * Batches);
        var labels = data.TrainLabels.narrow(0, 0, Batch * Batches);
        var datasets = Enumerable.Range(0, Batches)
            .Select(i => Dataset.from_tensor_slices(images.narrow(0, i * Batch, Batch), labels.narrow(0, i * Batch, Batch)).batch(Batch))
            .ToArray();
        var model = StageModel();
        double fitLoss = double.NaN;
        using var raw = new RawResNet50();
        double rawLoss = double.NaN;

        var sides = new List<Side>
        {
            new("keras API (fit)", i => TrainingBenchmark.Time(() =>
                fitLoss = model.fit(datasets[i % Batches], epochs: 1, verbose: 0).history["loss"][0]), () => fitLoss),
            new("raw loop", i => TrainingBenchmark.Time(() =>
                rawLoss = raw.Step(images.narrow(0, i % Batches * Batch, Batch), labels.narrow(0, i % Batches * Batch, Batch))), () => rawLoss),
        };
        if (pytorch is not null) sides.Add(new("PyTorch", _ => pytorch.Step("resnet50"), () => pytorch.Loss("resnet50")));

        for (int i = 0; i < WarmUp; i++)
            foreach (var side in sides) side.WarmUps.Add(side.Step(i));
        for (int i = 0; i < steps; i++)
            for (int k = 0; k < sides.Count; k++)
            {
                var side = sides[(i + k) % sides.Count];
                side.Times.Add(side.Step(WarmUp + i));
            }

        Console.WriteLine();
        foreach (var side in sides)
        {
            var (min, median) = TrainingBenchmark.Stats(side.Times);
            Console.WriteLine($"ResNet50  {side.Label,-16}  min {min:F3} s  median {median:F3} s per step  (warm-up " +
                              $"{TrainingBenchmark.Join(side.WarmUps)} s)  last loss {side.Loss():F4}   steps: {TrainingBenchmark.Join(side.Times)}");
        }
        var (apiMin, apiMedian) = TrainingBenchmark.Stats(sides[0].Times);
        var (rawMin, rawMedian) = TrainingBenchmark.Stats(sides[1].Times);
        bool withinRaw = Math.Min(apiMin / rawMin, apiMedian / rawMedian) <= ratioTarget;
        Console.WriteLine($"ResNet50  API / raw      min {apiMin / rawMin:F3}x  median {apiMedian / rawMedian:F3}x   " +
                          $"target <= {ratioTarget:F2}x: {(withinRaw ? "met" : "MISSED")}");
        if (pytorch is null) return withinRaw;
        var (ptMin, ptMedian) = TrainingBenchmark.Stats(sides[2].Times);
        bool asFast = apiMin <= ptMin && apiMedian <= ptMedian;
        Console.WriteLine($"ResNet50  API / PyTorch  min {apiMin / ptMin:F3}x  median {apiMedian / ptMedian:F3}x   target <= 1x: {(asFast ? "met" : "MISSED")}");
        return withinRaw && asFast;
    }

    // The applications stage's cells: the digits padded to 32x32, ResNet50 without weights, compiled on probabilities.
    static Functional StageModel()
    {
        var input_layer = keras.layers.Input((28, 28, 1));
        var padded = keras.layers.ZeroPadding2D(padding: (2, 2)).Apply(input_layer);
        var model = keras.applications.ResNet50(include_top: true, input_tensor: padded, pooling: "avg", weights: null, classes: 10);
        model.compile(
            optimizer: keras.optimizers.Adam(0.001f),
            loss: keras.losses.SparseCategoricalCrossentropy(from_logits: false),
            metrics: [keras.metrics.SparseCategoricalAccuracy()]);
        return model;
    }
}
