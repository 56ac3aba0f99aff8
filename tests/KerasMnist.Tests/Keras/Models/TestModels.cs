using KerasMnist.Datasets.Data;
using KerasMnist.Keras.Models;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Models;

/// <summary>The notebook's models and small random image batches for summary and saving tests.</summary>
internal static class TestModels
{
    /// <summary>The notebook's first model: Flatten(input_shape=(28, 28, 1)), Dense(128, relu), Dense(10).</summary>
    public static Sequential Mlp() => keras.models.Sequential(
        keras.layers.Flatten(input_shape: (28, 28, 1)),
        keras.layers.Dense(128, activation: "relu"),
        keras.layers.Dense(10));

    /// <summary>The notebook's CNN: no input shape on the first layer, so it is built by the first batch it sees.</summary>
    public static Sequential Cnn() => keras.models.Sequential(
        keras.layers.Conv2D(8, 3, activation: "relu", kernel_regularizer: keras.regularizers.l2(1e-3f)),
        keras.layers.MaxPool2D(),
        keras.layers.Conv2D(16, 3, activation: "relu", kernel_regularizer: keras.regularizers.l2(1e-3f)),
        keras.layers.MaxPool2D(),
        keras.layers.Flatten(input_shape: (28, 28)),
        keras.layers.Dense(128, activation: "relu", kernel_regularizer: keras.regularizers.l2(1e-3f)),
        keras.layers.Dense(10, kernel_regularizer: keras.regularizers.l2(1e-3f)));

    /// <summary>Images in [0, 1) of shape (n, 28, 28, 1) from a fixed seed of their own (torch's global generator is left alone).</summary>
    public static Tensor Images(int n, int seed)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, n * 28 * 28).Select(_ => (float)random.NextDouble()).ToArray();
        return tensor(values).reshape(n, 28, 28, 1);
    }

    /// <summary>(images, labels) batched for fit: <paramref name="n"/> examples, labels in [0, 10).</summary>
    public static Dataset Mnistlike(int n, int batch, int seed)
    {
        var random = new Random(seed + 1);
        using var x = Images(n, seed);
        using var y = tensor(Enumerable.Range(0, n).Select(_ => (long)random.Next(10)).ToArray());
        return Dataset.from_tensor_slices(x, y).batch(batch);
    }

    /// <summary>Whether two tensors have the same shape and the same float32 bit patterns.</summary>
    public static bool BitwiseEqual(Tensor a, Tensor b) =>
        a.shape.SequenceEqual(b.shape) && Bits(a).SequenceEqual(Bits(b));

    static int[] Bits(Tensor t)
    {
        using var values = t.detach().cpu().to_type(ScalarType.Float32).contiguous();
        return values.data<float>().ToArray().Select(BitConverter.SingleToInt32Bits).ToArray();
    }

    /// <summary>Every line summary() prints.</summary>
    public static List<string> SummaryLines(Model model, int line_length = -1, float[]? positions = null)
    {
        var lines = new List<string>();
        model.summary(line_length, positions, lines.Add);
        return lines;
    }
}
