using System.Diagnostics;
using System.Globalization;
using KerasMnist.Benchmarks.Training;
using KerasMnist.Datasets;
using KerasMnist.Datasets.Data;
using KerasMnist.Keras.Backend;
using KerasMnist.Keras.Models;
using static KerasMnist.Keras.KerasApi;

namespace KerasMnist.Benchmarks;

/// <summary>
/// <c>training [--models mlp,cnn,resnet50] [--epochs N] [--steps N] [--threads N] [--pytorch PYTHON [--pytorch-channels-last]] [--raw-on-pipeline] [--full [--seed N] [--runs K]]</c>.
/// Quick mode: in one process, the notebook's MLP and CNN (by default; <c>--models</c> chooses) trained through our keras API (fit on the tf.data pipeline, verbose 0)
/// and as a raw TorchSharp loop with the same math; with <c>--pytorch</c> also as the same loop in PyTorch (a child
/// process, see <see cref="PyTorchReference"/>); with <c>--raw-on-pipeline</c> also the raw loop fed by fit's tf.data pipeline. After one warm-up epoch each, the sides take turns epoch by epoch
/// (the first side rotates), so a drift in machine speed hits all alike; prints seconds per epoch (min / median)
/// and the ratios. ResNet50 (the applications stage's model) is timed per training step instead, over <c>--steps</c>
/// alternating steps (<see cref="ResNet50Steps"/>). <c>--full</c>: the notebook's schedule (MLP 15 epochs, CNN 10, validation after each) through
/// the API, then test accuracy against the notebook's results, for K seeds from N (default 42, one run).
/// </summary>
internal static class TrainingBenchmark
{
    const double RatioTarget = 1.10, MlpTestTarget = 0.972, CnnTestTarget = 0.983;

    public const string Usage = "training [--models mlp,cnn,resnet50] [--epochs N] [--steps N] [--threads N] [--pytorch PYTHON [--pytorch-channels-last]] " +
                                "[--raw-on-pipeline] [--full [--seed N] [--runs K]]   keras API vs raw TorchSharp loop (and PyTorch), seconds per " +
                                "epoch (ResNet50: per step); --full: notebook schedule and test accuracy per seed";

    static readonly string[] ModelNames = ["mlp", "cnn", "resnet50"];

    public static int Run(string[] args)
    {
        int epochs = 5, steps = 10, threads = 0, seed = 42, runs = 1;
        string[] models = ["mlp", "cnn"];
        bool full = false, pytorchChannelsLast = false, rawOnPipeline = false;
        string? python = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--full":
                    full = true;
                    break;
                case "--epochs" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0:
                    epochs = n;
                    i++;
                    break;
                case "--steps" when i + 1 < args.Length && int.TryParse(args[i + 1], out var st) && st > 0:
                    steps = st;
                    i++;
                    break;
                case "--models" when i + 1 < args.Length && args[i + 1].Split(',') is var names && names.All(ModelNames.Contains):
                    models = names;
                    i++;
                    break;
                // One thread gives steadier A/B numbers on a busy machine (two OpenMP threads stall whenever a core is taken).
                case "--threads" when i + 1 < args.Length && int.TryParse(args[i + 1], out var t) && t > 0:
                    threads = t;
                    i++;
                    break;
                case "--seed" when i + 1 < args.Length && int.TryParse(args[i + 1], out var sd):
                    seed = sd;
                    i++;
                    break;
                case "--runs" when i + 1 < args.Length && int.TryParse(args[i + 1], out var r) && r > 0:
                    runs = r;
                    i++;
                    break;
                case "--pytorch" when i + 1 < args.Length:
                    python = args[++i];
                    break;
                case "--pytorch-channels-last":
                    pytorchChannelsLast = true;
                    break;
                case "--raw-on-pipeline":
                    rawOnPipeline = true;
                    break;
                default:
                    Console.Error.WriteLine($"training: unexpected argument '{args[i]}'. Usage: {Usage}");
                    return 2;
            }
        }
        // Before the first tensor: glibc must keep freed tensor memory (performance.md).
        Engine.TuneAllocator();
        if (threads > 0) TorchSharp.torch.set_num_threads(threads);
        Console.WriteLine($"TorchSharp {Engine.TorchSharpVersion}, libtorch {Engine.LibTorchVersion}, {Engine.Threads} threads, " +
                          $"CPU {CpuCapability()}, malloc tuned, batch 128, Adam(0.001), 42,000 training / 18,000 validation images");
        if (full) return Full(seed, runs);
        using var data = new MnistSplits();
        using var pytorch = python is null ? null : new PyTorchReference(python, data.Folder, pytorchChannelsLast);
        if (pytorch is not null) Console.WriteLine($"reference: {pytorch.Version}{(pytorchChannelsLast ? ", channels_last batches" : "")}");
        return Quick(data, models, epochs, steps, pytorch, rawOnPipeline);
    }

    static string CpuCapability() =>
        System.Runtime.Intrinsics.X86.Avx512F.IsSupported ? "AVX-512" : System.Runtime.Intrinsics.X86.Avx2.IsSupported ? "AVX2" : "no AVX2";

    static int Quick(MnistSplits data, string[] models, int epochs, int steps, PyTorchReference? pytorch, bool rawOnPipeline)
    {
        bool ok = true;
        if (models.Contains("mlp") || models.Contains("cnn"))
            Console.WriteLine($"{epochs} timed epochs per side after 1 warm-up epoch, sides taking turns (train only, no validation)");
        if (models.Contains("mlp")) ok &= Compare("MLP", NotebookModels.Mlp(), cnn: false, data, epochs, pytorch, rawOnPipeline);
        if (models.Contains("cnn")) ok &= Compare("CNN", NotebookModels.Cnn(), cnn: true, data, epochs, pytorch, rawOnPipeline);
        if (models.Contains("resnet50")) ok &= ResNet50Steps.Compare(data, steps, pytorch, RatioTarget);
        return ok ? 0 : 1;
    }

    sealed record Side(string Label, Func<double> Epoch, Func<double> Accuracy)
    {
        public List<double> Times { get; } = [];
        public double WarmUp { get; set; }
    }

    static bool Compare(string name, Sequential model, bool cnn, MnistSplits data, int epochs, PyTorchReference? pytorch, bool rawOnPipeline)
    {
        using var raw = new RawTorchLoop(cnn);
        using var piped = rawOnPipeline ? new RawTorchLoop(cnn) : null;
        string key = cnn ? "cnn" : "mlp";
        var sides = new List<Side>
        {
            new("keras API", () => Time(() => model.fit(data.Train, epochs: 1, verbose: 0)), () => model.evaluate(data.Valid, verbose: 0)[1]),
            new("raw loop", () => Time(() => raw.TrainEpoch(data.TrainImages, data.TrainLabels)), () => raw.Accuracy(data.ValidImages, data.ValidLabels)),
        };
        if (pytorch is not null) sides.Add(new("PyTorch", () => pytorch.Epoch(key), () => pytorch.Accuracy(key)));
        // The raw loop's math fed by the same tf.data pipeline as fit: splits the API's overhead into pipeline and model code.
        if (piped is not null) sides.Add(new("raw loop on the pipeline", () => Time(() => piped.TrainEpoch(data.Train)),
            () => piped.Accuracy(data.ValidImages, data.ValidLabels)));
        foreach (var side in sides) side.WarmUp = side.Epoch();
        for (int e = 0; e < epochs; e++)
            for (int k = 0; k < sides.Count; k++)
            {
                var side = sides[(e + k) % sides.Count];
                side.Times.Add(side.Epoch());
            }
        Console.WriteLine();
        foreach (var side in sides)
        {
            var (min, median) = Stats(side.Times);
            Console.WriteLine($"{name}  {side.Label,-24}  min {min:F3} s  median {median:F3} s  (warm-up {side.WarmUp:F3} s)  " +
                              $"val acc after {epochs + 1} epochs {side.Accuracy():F4}   epochs: {Join(side.Times)}");
        }
        var (apiMin, apiMedian) = Stats(sides[0].Times);
        var (rawMin, rawMedian) = Stats(sides[1].Times);
        double ratioMin = apiMin / rawMin, ratioMedian = apiMedian / rawMedian;
        bool withinRaw = Math.Min(ratioMin, ratioMedian) <= RatioTarget;
        Console.WriteLine($"{name}  API / raw      min {ratioMin:F3}x  median {ratioMedian:F3}x   target <= {RatioTarget:F2}x: {(withinRaw ? "met" : "MISSED")}");
        if (pytorch is null) return withinRaw;
        var (ptMin, ptMedian) = Stats(sides.Single(side => side.Label.StartsWith("PyTorch", StringComparison.Ordinal)).Times);
        bool asFast = apiMin <= ptMin && apiMedian <= ptMedian;
        Console.WriteLine($"{name}  API / PyTorch  min {apiMin / ptMin:F3}x  median {apiMedian / ptMedian:F3}x   target <= 1x: {(asFast ? "met" : "MISSED")}");
        return withinRaw && asFast;
    }

    // The notebook's schedule for each seed in turn; a seed fixes the weights and the shuffle order (as run --seed does).
    static int Full(int seed, int runs)
    {
        List<double> mlp = [], cnn = [], rawMlp = [], rawCnn = [];
        for (int run = 0; run < runs; run++)
        {
            keras.utils.set_random_seed(seed + run);
            using var data = new MnistSplits();
            Console.WriteLine();
            Console.WriteLine($"seed {seed + run}");
            mlp.Add(FullRun("MLP", NotebookModels.Mlp(), 15, data));
            cnn.Add(FullRun("CNN", NotebookModels.Cnn(), 10, data));
            // The same recipe as a plain loop: tells a weak recipe or seed from a fault in the API.
            rawMlp.Add(RawFullRun("MLP", cnn: false, 15, data));
            rawCnn.Add(RawFullRun("CNN", cnn: true, 10, data));
        }
        Console.WriteLine();
        bool ok = Verdict("MLP", mlp, rawMlp, MlpTestTarget);
        ok &= Verdict("CNN", cnn, rawCnn, CnnTestTarget);
        return ok ? 0 : 1;
    }

    static double RawFullRun(string name, bool cnn, int epochs, MnistSplits data)
    {
        using var raw = new RawTorchLoop(cnn);
        for (int e = 0; e < epochs; e++) raw.TrainEpoch(data.TrainImages, data.TrainLabels);
        double accuracy = raw.Accuracy(data.TestImages, data.TestLabels);
        Console.WriteLine($"{name}  raw loop, {epochs} epochs: test acc {accuracy:F4}");
        return accuracy;
    }

    static double FullRun(string name, Sequential model, int epochs, MnistSplits data)
    {
        Console.WriteLine($"{name}: model.fit(ds_train, epochs={epochs}, validation_data=ds_valid)");
        var clock = Stopwatch.StartNew();
        var history = model.fit(data.Train, epochs: epochs, verbose: 2, validation_data: data.Valid);
        double seconds = clock.Elapsed.TotalSeconds;
        var test = model.evaluate(data.Test, verbose: 0);
        Console.WriteLine($"{name}  {seconds:F1} s for {epochs} epochs ({seconds / epochs:F2} s/epoch with validation)  " +
                          $"final val acc {history.history["val_sparse_categorical_accuracy"][^1]:F4}  test loss {test[0]:F4}  test acc {test[1]:F4}");
        return test[1];
    }

    // Judged on the mean over seeds: one run's test accuracy moves by about ±0.2 points with the seed.
    static bool Verdict(string name, List<double> accuracies, List<double> raw, double target)
    {
        double mean = accuracies.Average();
        bool met = mean >= target;
        Console.WriteLine($"{name}  keras API test acc {Join(accuracies, "F4")}  mean {mean:F4} over {accuracies.Count} seed(s), " +
                          $"{accuracies.Count(a => a >= target)} at or above target   target >= {target:F3}: {(met ? "met" : "MISSED")}");
        Console.WriteLine($"{name}  raw loop  test acc {Join(raw, "F4")}  mean {raw.Average():F4}");
        return met;
    }

    internal static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalSeconds;
    }

    internal static (double min, double median) Stats(List<double> times)
    {
        var sorted = times.Order().ToList();
        int n = sorted.Count;
        return (sorted[0], n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2);
    }

    internal static string Join(IEnumerable<double> values, string format = "F3") =>
        string.Join(" ", values.Select(v => v.ToString(format, CultureInfo.InvariantCulture)));
}
