using KerasMnist.Datasets.Data;
using KerasMnist.Keras.Callbacks;
using KerasMnist.Tests.Keras.Numerics;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Training;

/// <summary>A small deterministic classification problem: features from a seeded System.Random, labels in [0, classes).</summary>
internal sealed class SmallData
{
    public SmallData(int count, int features, int classes, int seed)
    {
        var random = new Random(seed);
        Features = features;
        X = Enumerable.Range(0, count * features).Select(_ => Math.Round(random.NextDouble() * 4 - 2, 3)).ToArray();
        Y = Enumerable.Range(0, count).Select(_ => (long)random.Next(classes)).ToArray();
    }

    public int Features { get; }
    public double[] X { get; }
    public long[] Y { get; }
    public int Count => Y.Length;

    /// <summary>The data in order (no shuffle), batched: batch k holds rows [k·size, (k+1)·size).</summary>
    public Dataset Batched(int size)
    {
        using var x = tensor(X.Select(v => (float)v).ToArray()).reshape(Count, Features);
        using var y = tensor(Y);
        return Dataset.from_tensor_slices(x, y).batch(size);
    }

    public double[,] Rows(int start, int count) => Reference.Rows(X, Features, start, count);

    public long[] Labels(int start, int count) => Y.Skip(start).Take(count).ToArray();

    /// <summary>
    /// Overwrites every kernel (rank ≥ 2 weight) with values from a seeded U(−0.8, 0.8), so a test's data-dependent
    /// preconditions hold on every run, whatever torch's generator drew. Other weights keep their initial values.
    /// </summary>
    public static void FixKernels(KerasMnist.Keras.Models.Model model, int seed)
    {
        var random = new Random(seed);
        foreach (var w in model.weights.Where(w => w.Value.dim() >= 2))
        {
            var values = Enumerable.Range(0, (int)w.Size).Select(_ => (float)(random.NextDouble() * 1.6 - 0.8)).ToArray();
            w.Assign(tensor(values).reshape(w.Value.shape));
        }
    }
}

/// <summary>Copies every weight of the model before each training step, so a test can recompute what that step saw.</summary>
internal sealed class WeightSnapshots : Callback
{
    public List<double[][]> BeforeStep { get; } = new();
    public List<Logs> StepLogs { get; } = new();

    public override void on_train_batch_begin(int batch, Logs logs) =>
        BeforeStep.Add(model!.weights.Select(w => Reference.Values(w.Value)).ToArray());

    public override void on_train_batch_end(int batch, Logs logs) => StepLogs.Add(new Logs(logs));
}
