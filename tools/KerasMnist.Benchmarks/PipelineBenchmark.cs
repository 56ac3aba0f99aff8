using System.Diagnostics;
using System.Globalization;
using KerasMnist.Datasets;
using KerasMnist.Datasets.Data;
using KerasMnist.Keras.Backend;
using TorchSharp;
using static TorchSharp.torch;

namespace KerasMnist.Benchmarks;

/// <summary>
/// <c>pipeline [--epochs N] [--no-malloc-tuning]</c>: images per second delivered by the notebook's training
/// pipeline (map normalize_img, cache, shuffle(42,000), batch 128, prefetch AUTOTUNE) once the cache is warm,
/// against a raw loop over one pre-normalised tensor (randperm, then one index_select per batch of 128), the
/// two alternating (ABBA) in the same process. The consumer only disposes the batches, so this measures what
/// the pipeline can deliver, not training.
/// </summary>
internal static class PipelineBenchmark
{
    public const string Usage = "pipeline [--epochs N] [--no-malloc-tuning]   tf.data pipeline images/s after cache() vs a raw index_select loop";

    private const double TargetImagesPerSecond = 1_000_000;
    private const int BatchSize = 128;

    public static int Run(string[] args)
    {
        int epochs = 20;
        bool tuneMalloc = true;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--no-malloc-tuning":
                    tuneMalloc = false;
                    break;
                case "--epochs" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0:
                    epochs = n;
                    i++;
                    break;
                default:
                    Console.Error.WriteLine($"pipeline: unexpected argument '{args[i]}'. Usage: {Usage}");
                    return 2;
            }
        }
        if (tuneMalloc) Engine.TuneAllocator(); // as the tutorial and the training benchmark run
        set_num_threads(2);

        var (ds_train, ds_info) = tfds.load("mnist", split: "train[:70%]", with_info: true, as_supervised: true);
        using var builder = tfds.builder("mnist");
        var (images, labels) = builder.as_tensors("train[:70%]");
        long count = images.shape[0];
        Console.WriteLine($"TorchSharp {Engine.TorchSharpVersion}, libtorch {Engine.LibTorchVersion}, {get_num_threads()} threads, " +
                          $"malloc {(tuneMalloc ? "tuned" : "default")}, {count:N0} images {Shapes(images)}, batch {BatchSize}, {epochs} timed epochs per side");

        // The notebook's cell, as ported.
        ds_train = ds_train.map(normalize_img, num_parallel_calls: tf.data.experimental.AUTOTUNE);
        ds_train = ds_train.cache();
        ds_train = ds_train.shuffle((int)(ds_info.splits["train"].num_examples * 0.7));
        ds_train = ds_train.batch(BatchSize);
        ds_train = ds_train.prefetch(tf.data.experimental.AUTOTUNE);

        double cold = Time(() => Drain(ds_train, count));
        CheckOnePass(ds_train, labels);
        using var normalised = images.to_type(ScalarType.Float32).div_(255f);
        Time(() => RawEpoch(normalised, labels));

        var pipeline = new List<(double wall, double cpu)>();
        var raw = new List<(double wall, double cpu)>();
        for (int e = 0; e < epochs; e++)
        {
            // ABBA, so a drift in machine load hits both sides alike.
            if (e % 2 == 0) pipeline.Add(Measure(() => Drain(ds_train, count)));
            raw.Add(Measure(() => RawEpoch(normalised, labels)));
            if (e % 2 == 1) pipeline.Add(Measure(() => Drain(ds_train, count)));
        }

        Console.WriteLine($"first epoch (map + cache fill): {cold:F3} s");
        var p = Report("pipeline ", pipeline, count);
        var r = Report("raw loop ", raw, count);
        Console.WriteLine($"pipeline / raw            min {p.min / r.min:F2}x  median {p.median / r.median:F2}x  (images/s ratio)");
        // Shared machines drift by up to ~50 % between identical runs (performance.md): judge the typical epoch.
        bool met = p.median >= TargetImagesPerSecond;
        Console.WriteLine($"target >= {TargetImagesPerSecond:N0} images/s (median warm epoch): {(met ? "met" : "MISSED")}" +
                          $"; slowest epoch {(p.min >= TargetImagesPerSecond ? "also meets it" : "below it")}");
        images.Dispose();
        labels.Dispose();
        return met ? 0 : 1;
    }

    private static (Tensor, Tensor) normalize_img(Tensor image, Tensor label) => (tf.cast(image, tf.float32) / 255f, label);

    private static void Drain(Dataset ds, long expected)
    {
        long seen = 0;
        foreach (var (x, y) in ds)
        {
            seen += x.shape[0];
            x.Dispose();
            y.Dispose();
        }
        if (seen != expected) throw new InvalidOperationException($"the pipeline delivered {seen} images, expected {expected}");
    }

    private static void RawEpoch(Tensor normalised, Tensor labels)
    {
        long n = normalised.shape[0];
        using var order = randperm(n);
        for (long start = 0; start < n; start += BatchSize)
        {
            using var index = order.narrow(0, start, Math.Min(BatchSize, n - start));
            using var x = normalised.index_select(0, index);
            using var y = labels.index_select(0, index);
        }
    }

    // Outside the timings: one pass is a permutation of the labels, normalised to [0, 1].
    private static void CheckOnePass(Dataset ds, Tensor labels)
    {
        var seen = new List<Tensor>();
        float max = 0;
        int batches = 0;
        foreach (var (x, y) in ds)
        {
            max = Math.Max(max, x.max().item<float>());
            seen.Add(y);
            x.Dispose();
            batches++;
        }
        using var all = cat(seen, 0);
        using var sortedSeen = all.sort().Values;
        using var sortedLabels = labels.sort().Values;
        bool same = sortedSeen.equal(sortedLabels).all().item<bool>();
        seen.ForEach(t => t.Dispose());
        long expectedBatches = (labels.shape[0] + BatchSize - 1) / BatchSize;
        if (!same || batches != expectedBatches || max > 1f || max < 0.9f)
            throw new InvalidOperationException($"pipeline output is wrong: labels permuted {same}, {batches} batches (expected {expectedBatches}), max pixel {max}");
    }

    // Wall-clock rates are what the target is about; the process's CPU time per epoch shows the cost when
    // other work on a shared machine stretches the wall clock.
    private static (double min, double median) Report(string name, List<(double wall, double cpu)> epochs, long images)
    {
        var rates = epochs.Select(e => images / e.wall).Order().ToList();
        double min = rates[0], median = Median(rates);
        double cpuMedian = Median(epochs.Select(e => e.cpu * 1000).Order().ToList());
        Console.WriteLine($"{name}  images/s  min {min,12:N0}  median {median,12:N0}   CPU ms/epoch median {cpuMedian,6:F1}   epoch ms: " +
                          string.Join(" ", epochs.Select(e => (e.wall * 1000).ToString("F1", CultureInfo.InvariantCulture))));
        return (min, median);
    }

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

    private static string Shapes(Tensor t) => "(" + string.Join(", ", t.shape.Skip(1)) + ")";

    private static (double wall, double cpu) Measure(Action action)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        double wall = Time(action);
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalSeconds;
    }
}
