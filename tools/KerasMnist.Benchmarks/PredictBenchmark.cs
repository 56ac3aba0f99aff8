using System.Diagnostics;
using KerasMnist.Benchmarks.Training;
using KerasMnist.Datasets;
using KerasMnist.Imaging;
using KerasMnist.Imaging.Preprocessing;
using KerasMnist.Imaging.Reading;
using KerasMnist.Keras.Backend;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Benchmarks;

/// <summary>
/// <c>predict [--images N] [--runs N]</c>: reading digits from image files, the work of <c>KerasMnist predict</c>.
/// Writes N files (default 1,000) into a temporary folder, rendered from MNIST test digits as a scan would show them:
/// 100x100 dark-on-light, random place, size, paper and ink tone, alternately PNG and JPEG, every tenth a field of three
/// digits. Trains the notebook's CNN one epoch, then times: one thread step by step (decode, MNIST preprocessing, CNN
/// predict) for the share of each step, and <see cref="DigitReader.Read(IEnumerable{string}, FieldMode)"/> as a user
/// calls it (files prepared on all cores, one batched predict), for images per second. Also checks the digits read.
/// </summary>
internal static class PredictBenchmark
{
    public const string Usage = "predict [--images N] [--runs N]   image files -> digits: decode + MNIST preprocessing + CNN, images/s and each step's share (default 1,000 files, 5 runs)";

    private const double TargetImagesPerSecond = 500;

    public static int Run(string[] args)
    {
        int count = 1_000, runs = 5;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--images" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0:
                    count = n;
                    i++;
                    break;
                case "--runs" when i + 1 < args.Length && int.TryParse(args[i + 1], out var r) && r > 0:
                    runs = r;
                    i++;
                    break;
                default:
                    Console.Error.WriteLine($"predict: unexpected argument '{args[i]}'. Usage: {Usage}");
                    return 2;
            }
        }
        Engine.TuneAllocator();
        set_num_threads(2);
        keras.utils.set_random_seed(42);

        using var builder = tfds.builder("mnist");
        var model = NotebookModels.Cnn();
        static (Tensor, Tensor) normalize_img(Tensor image, Tensor label) => (tf.cast(image, tf.float32) / 255f, label);
        var clock = Stopwatch.StartNew();
        model.fit(builder.as_dataset("train[:70%]").map(normalize_img).cache().shuffle(42_000).batch(128), epochs: 1, verbose: 0);
        Console.WriteLine($"TorchSharp {Engine.TorchSharpVersion}, libtorch {Engine.LibTorchVersion}, {get_num_threads()} torch threads, " +
                          $"{Environment.ProcessorCount} cores; CNN trained 1 epoch in {clock.Elapsed.TotalSeconds:F0} s");

        string folder = Path.Combine(Path.GetTempPath(), "kerasmnist-predict-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var (paths, truths) = WriteImages(builder, folder, count);
            var reader = new DigitReader(model);
            Console.WriteLine($"{count:N0} files in a temporary folder: {paths.Count(p => p.EndsWith(".png")):N0} PNG, {paths.Count(p => p.EndsWith(".jpg")):N0} JPEG, " +
                              $"{truths.Count(t => t.Length > 1):N0} of them fields; {new FileInfo(paths[0]).Length:N0} bytes for the first");

            StepByStep(reader, paths); // warm-up: JIT, file cache
            var steps = Enumerable.Range(0, runs).Select(_ => StepByStep(reader, paths)).ToList();
            foreach (var (what, pick) in new (string, Func<Step, double>)[] { ("wall", s => s.Wall), ("CPU ", s => s.Cpu) })
            {
                double decode = Median(steps.Select(s => pick(s.decode))), preprocess = Median(steps.Select(s => pick(s.preprocess))),
                       predict = Median(steps.Select(s => pick(s.predict))), total = decode + preprocess + predict;
                Console.WriteLine($"step by step, {what} ms per image (median of {runs}): decode {decode * 1e3 / count:F3} ({decode / total:P0})   " +
                                  $"preprocess {preprocess * 1e3 / count:F3} ({preprocess / total:P0})   CNN predict {predict * 1e3 / count:F3} ({predict / total:P0})   " +
                                  $"total {total * 1e3 / count:F3} = {count / total:N0} images per {(what == "wall" ? "second" : "CPU second")}");
            }

            var rates = new List<double>();
            var cpuPerImage = new List<double>();
            IReadOnlyList<Reading> readings = [];
            for (int run = 0; run < runs; run++)
            {
                var step = Measure(() => readings = reader.Read(paths));
                rates.Add(count / step.Wall);
                cpuPerImage.Add(step.Cpu * 1e3 / count);
            }
            rates.Sort();
            double median = Median(rates);
            int right = readings.Zip(truths).Count(p => p.First.Number == p.Second);
            Console.WriteLine($"DigitReader.Read (all cores, one batched predict): images/s  min {rates[0]:N0}  median {median:N0}  max {rates[^1]:N0}" +
                              $"   CPU {Median(cpuPerImage):F3} ms per image; load average {LoadAverage()}");
            Console.WriteLine($"read right: {right:N0} of {count:N0} files ({(double)right / count:P1})");
            bool met = median >= TargetImagesPerSecond;
            Console.WriteLine($"target >= {TargetImagesPerSecond:N0} images/s (median run): {(met ? "met" : "MISSED")}");
            return met ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // Wall-clock and process CPU seconds of each step, one after the other on this thread (predict uses torch's threads).
    private static (Step decode, Step preprocess, Step predict) StepByStep(DigitReader reader, List<string> paths)
    {
        List<Image> images = [];
        List<PreparedImage> prepared = [];
        var decode = Measure(() => images = paths.Select(p => ImageFile.Load(p, applyOrientation: true)).ToList());
        var preprocess = Measure(() => prepared = paths.Zip(images).Select(p => PreparedImage.FromImage(p.First, p.Second)).ToList());
        var predict = Measure(() => reader.Predict(prepared));
        return (decode, preprocess, predict);
    }

    private readonly record struct Step(double Wall, double Cpu);

    private static Step Measure(Action action)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        action();
        double wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        return new Step(wall, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    // MNIST test digits printed dark on light: single digits on 100x100, every tenth a field of three on 150x70.
    private static (List<string> paths, List<string> truths) WriteImages(Datasets.Builders.DatasetBuilder builder, string folder, int count)
    {
        var (images, labels) = builder.as_tensors("test");
        var pixels = images.to_type(ScalarType.Float32).data<float>().ToArray();
        var digits = labels.data<long>().ToArray();
        images.Dispose();
        labels.Dispose();
        var random = new Random(1);
        var paths = new List<string>();
        var truths = new List<string>();
        for (int i = 0; i < count; i++)
        {
            bool field = i % 10 == 9;
            var page = field ? new GrayImage(150, 70) : new GrayImage(100, 100);
            string truth = "";
            for (int k = 0, x = 5; k < (field ? 3 : 1); k++)
            {
                int index = random.Next(digits.Length);
                float scale = field ? 1.6f : 2f + random.NextSingle();
                Place(page, pixels.AsSpan(index * 784, 784), field ? x : random.Next(0, 100 - (int)(28 * scale)),
                      field ? 10 : random.Next(0, 100 - (int)(28 * scale)), scale);
                x += 48;
                truth += digits[index];
            }
            float paper = random.Next(200, 250), ink = random.Next(10, 70);
            var printed = new GrayImage(page.Width, page.Height, page.Pixels.Select(v => paper + (ink - paper) * v / 255f).ToArray());
            string path = Path.Combine(folder, $"{i:D4}.{(i % 2 == 0 ? "png" : "jpg")}");
            ImageFile.Save(printed.ToImage(), path);
            paths.Add(path);
            truths.Add(truth);
        }
        return (paths, truths);
    }

    private static void Place(GrayImage page, ReadOnlySpan<float> digit, int left, int top, float scale)
    {
        int size = (int)MathF.Round(28 * scale);
        var scaled = Resampling.Resize(digit.ToArray(), 28, 28, 1, size, size, "bilinear");
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++)
                if (left + x < page.Width && top + y < page.Height)
                    page[left + x, top + y] = Math.Max(page[left + x, top + y], scaled[y * size + x]);
    }

    // Other work on a shared machine stretches the wall clock; the load average says how much there was.
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
