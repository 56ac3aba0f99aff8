using System.Diagnostics;
using KerasMnist.Datasets;
using KerasMnist.Datasets.Data;
using KerasMnist.Keras.Backend;
using KerasMnist.Keras.Models;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Benchmarks;

/// <summary>
/// <c>batchnorm [--images N] [--epochs N] [--passes N]</c>: why the applications stage's ResNet50 evaluates far below
/// its training accuracy after a short fit. Trains the stage's model (Input → ZeroPadding2D(2) → ResNet50) on the
/// first N training images, then on those same images prints: evaluate (inference, moving statistics); the
/// training-mode forward pass (batch statistics); and evaluate again after forward passes in training mode without
/// any weight update, which move the moving statistics to the final weights' statistics (Keras's momentum 0.99:
/// 0.99^steps of the old values remain). If only the last is close to the training-mode accuracy, the moving
/// statistics lagged; if it stays low, inference itself would be wrong.
/// </summary>
internal static class BatchNormBenchmark
{
    public const string Usage = "batchnorm [--images N] [--epochs N] [--passes N]   ResNet50: evaluate vs training mode vs re-estimated BN statistics (default 2,048 images, 2 epochs, 20 passes)";

    public static int Run(string[] args)
    {
        int images = 2048, epochs = 2, passes = 20;
        for (int i = 0; i < args.Length; i++)
        {
            int value = i + 1 < args.Length && int.TryParse(args[i + 1], out var v) && v > 0 ? v : 0;
            switch (args[i])
            {
                case "--images" when value > 0: images = value; i++; break;
                case "--epochs" when value > 0: epochs = value; i++; break;
                case "--passes" when value > 0: passes = value; i++; break;
                default:
                    Console.Error.WriteLine($"batchnorm: unexpected argument '{args[i]}'. Usage: {Usage}");
                    return 2;
            }
        }
        Engine.TuneAllocator();
        keras.utils.set_random_seed(42);
        using var builder = tfds.builder("mnist");
        var (image, label) = builder.as_tensors($"train[:{images}]");
        using var x = image.to_type(ScalarType.Float32).div_(255f);
        var ds = Dataset.from_tensor_slices(x, label).batch(128);
        image.Dispose();
        label.Dispose();

        var input_layer = keras.layers.Input((28, 28, 1));
        var padded = keras.layers.ZeroPadding2D(padding: (2, 2)).Apply(input_layer);
        var model = keras.applications.ResNet50(include_top: true, input_tensor: padded, pooling: "avg", weights: null, classes: 10);
        model.compile(optimizer: keras.optimizers.Adam(0.001f),
            loss: keras.losses.SparseCategoricalCrossentropy(from_logits: false), metrics: [keras.metrics.SparseCategoricalAccuracy()]);
        Console.WriteLine($"ResNet50 on the first {images:N0} MNIST training images, {epochs} epochs of fit, batch 128");
        model.fit(ds, epochs: epochs, verbose: 2);

        Console.WriteLine($"evaluate (moving statistics):                   accuracy {model.evaluate(ds, verbose: 0)[1]:F4}   {LargestVariance(model)}");
        Console.WriteLine($"training-mode forward (batch statistics):       accuracy {TrainingModeAccuracy(model, ds, images):F4}");
        var clock = Stopwatch.StartNew();
        for (int p = 1; p < passes; p++)
        {
            // Minutes of work: show where it is (on a terminal; a redirected log gets only the result).
            if (!Console.IsOutputRedirected) Console.Write($"\rre-estimating the statistics: pass {p + 1}/{passes}, {clock.Elapsed.TotalSeconds:F0} s ");
            TrainingModeAccuracy(model, ds, images);
        }
        if (!Console.IsOutputRedirected) Console.Write("\r" + new string(' ', 60) + "\r");
        long steps = passes * ds.cardinality();
        Console.WriteLine($"evaluate after {steps} training-mode steps, no update: accuracy {model.evaluate(ds, verbose: 0)[1]:F4}   " +
                          $"{LargestVariance(model)}   (0.99^{steps} = {Math.Pow(0.99, steps):G2} of the old statistics left; {clock.Elapsed.TotalSeconds:F0} s)");
        return 0;
    }

    // Statistics picked up early in training (when activations are briefly huge) fade only as 0.99^steps.
    static string LargestVariance(Model model)
    {
        double largest = model.weights.Where(w => w.Name.EndsWith("moving_variance", StringComparison.Ordinal))
            .Max(w => (double)w.Value.max().item<float>());
        return $"largest moving variance {largest:G3}";
    }

    // A forward pass in training mode moves the BN layers' moving statistics; no_grad keeps the weights as they are.
    static double TrainingModeAccuracy(Model model, Dataset ds, int count)
    {
        using var _ = no_grad();
        long correct = 0;
        foreach (var (xb, yb) in ds)
        {
            using var scope = NewDisposeScope();
            correct += model.Apply(xb, training: true).argmax(1).eq(yb).sum().item<long>();
        }
        return (double)correct / count;
    }
}
