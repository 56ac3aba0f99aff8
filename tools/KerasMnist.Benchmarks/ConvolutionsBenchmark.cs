using KerasMnist.Keras.Backend;
using KerasMnist.Keras.Layers;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Benchmarks;

/// <summary>
/// <c>convolutions [--batch N] [--rounds N]</c>: every distinct convolution of the applications stage's ResNet50
/// (28x28x1 padded to 32x32), forward and backward on one batch, three ways taking turns: Conv2D as it computes on
/// this host (1x1 kernels as one matrix product), libtorch's conv2d (oneDNN) on the same weights, and Conv2D with
/// <see cref="Engine.OneDnnConvolutions"/> off (every kernel an im2col matrix product, as on hosts whose CPUID hides
/// the caches). libtorch's conv2d is skipped on such hosts, where its 1x1 convolutions with 1024 or 2048 channels
/// kill the process. Prints milliseconds per shape (min / median over rounds) and per training step (each shape
/// times the number of layers that have it).
/// </summary>
internal static class ConvolutionsBenchmark
{
    public const string Usage = "convolutions [--batch N] [--rounds N]   ResNet50's convolutions fwd+bwd: Conv2D vs libtorch's conv2d vs im2col (default batch 128, 7 rounds)";

    sealed record Shape2D(int Size, int Channels, int Filters, int Kernel, int Stride, string Padding)
    {
        public override string ToString() => $"{Size}x{Size}x{Channels}->{Filters} {Kernel}x{Kernel}/{Stride} {Padding}";
    }

    public static int Run(string[] args)
    {
        int batch = 128, rounds = 7;
        for (int i = 0; i < args.Length; i++)
        {
            int value = i + 1 < args.Length && int.TryParse(args[i + 1], out var v) && v > 0 ? v : 0;
            switch (args[i])
            {
                case "--batch" when value > 0: batch = value; i++; break;
                case "--rounds" when value > 0: rounds = value; i++; break;
                default:
                    Console.Error.WriteLine($"convolutions: unexpected argument '{args[i]}'. Usage: {Usage}");
                    return 2;
            }
        }
        Engine.TuneAllocator();
        bool libtorchSafe = Engine.OneDnnConvolutions;
        Console.WriteLine($"TorchSharp {Engine.TorchSharpVersion}, libtorch {Engine.LibTorchVersion}, {Engine.Threads} threads, batch {batch}, " +
                          $"{rounds} rounds, forward + backward per shape" +
                          (libtorchSafe ? "" : "; this host hides its caches from oneDNN: libtorch's conv2d is skipped"));
        var shapes = ResNet50Shapes();
        var totals = new double[3];
        Console.WriteLine($"{"shape",-32} {"layers",6}  {"Conv2D",-15}  {"libtorch conv2d",-15}  {"im2col",-15}  (ms, min / median)");
        foreach (var (shape, layers) in shapes)
        {
            var times = Measure(shape, batch, rounds, libtorchSafe);
            Console.WriteLine($"{shape,-32} {layers,6}  {Cell(times[0]),-15}  {Cell(times[1]),-15}  {Cell(times[2]),-15}");
            for (int k = 0; k < 3; k++) totals[k] += layers * (times[k].Count > 0 ? times[k].Min() : double.NaN);
        }
        Console.WriteLine($"{"per training step (sum of mins)",-39}  {totals[0],-15:F1}  {(libtorchSafe ? totals[1].ToString("F1") : "-"),-15}  {totals[2],-15:F1}");
        return 0;
    }

    static string Cell(List<double> ms) =>
        ms.Count == 0 ? "-" : TrainingBenchmark.Stats(ms) is var (min, median) ? $"{min:F2} / {median:F2}" : "";

    // The stage's model, built but never run: its Conv2D layers give the shapes, as the stage meets them.
    static List<(Shape2D shape, int layers)> ResNet50Shapes()
    {
        var input_layer = keras.layers.Input((28, 28, 1));
        var padded = keras.layers.ZeroPadding2D(padding: (2, 2)).Apply(input_layer);
        var model = keras.applications.ResNet50(include_top: true, input_tensor: padded, pooling: "avg", weights: null, classes: 10);
        return model.layers.OfType<Conv2D>()
            .Select(c => new Shape2D(c.BuiltInputShape![0], c.BuiltInputShape[2], c.filters, c.kernel_size[0], c.strides[0], c.padding))
            .GroupBy(s => s)
            .Select(g => (g.Key, g.Count()))
            .ToList();
    }

    /// <summary>Milliseconds of forward + backward per round: Conv2D, libtorch's conv2d, Conv2D without oneDNN.</summary>
    static List<double>[] Measure(Shape2D s, int batch, int rounds, bool libtorchSafe)
    {
        using var scope = NewDisposeScope();
        var conv = keras.layers.Conv2D(s.Filters, s.Kernel, strides: s.Stride, padding: s.Padding);
        conv.Build(new(s.Size, s.Size, s.Channels));
        var kernel = conv.weights[0].Value;
        var bias = conv.weights[1].Value;
        var image = randn(batch, s.Size, s.Size, s.Channels).requires_grad_();
        var upstream = conv.Apply(image).detach().normal_();
        // As Conv2D called libtorch before: a symmetric "same" padding inside conv2d, an asymmetric one padded first.
        var padding = s.Padding == "same" ? Padding(s) : default;
        bool symmetric = padding.top == padding.bottom;

        double Conv2D(bool oneDnn)
        {
            Engine.OneDnnConvolutions = oneDnn;
            return Time(() => conv.Apply(image, training: true).backward([upstream]));
        }
        double LibTorch() => Time(() =>
        {
            var x = image.permute(0, 3, 1, 2);
            if (!symmetric) x = nn.functional.pad(x, [padding.left, padding.right, padding.top, padding.bottom]);
            long inside = symmetric ? padding.top : 0;
            nn.functional.conv2d(x, kernel, bias, strides: [s.Stride, s.Stride], padding: [inside, inside])
                .permute(0, 2, 3, 1).backward([upstream]);
        });

        var sides = new List<Func<double>> { () => Conv2D(libtorchSafe), LibTorch, () => Conv2D(false) };
        var times = new[] { new List<double>(), new List<double>(), new List<double>() };
        try
        {
            for (int round = -1; round < rounds; round++) // round -1 warms up
                for (int k = 0; k < sides.Count; k++)
                {
                    int side = (Math.Max(round, 0) + k) % sides.Count;
                    if (side == 1 && !libtorchSafe) continue;
                    double ms = sides[side]();
                    if (round >= 0) times[side].Add(ms);
                }
        }
        finally
        {
            Engine.OneDnnConvolutions = libtorchSafe;
        }
        return times;
    }

    static (int top, int bottom, int left, int right) Padding(Shape2D s)
    {
        int outputs = (s.Size + s.Stride - 1) / s.Stride;
        int total = Math.Max(0, (outputs - 1) * s.Stride + s.Kernel - s.Size);
        return (total / 2, total - total / 2, total / 2, total - total / 2);
    }

    static double Time(Action action) => 1000 * TrainingBenchmark.Time(() =>
    {
        using var scope = NewDisposeScope();
        action();
    });
}
