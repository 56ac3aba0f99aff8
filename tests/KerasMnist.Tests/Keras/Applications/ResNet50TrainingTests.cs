using Xunit.Abstractions;
using KerasMnist.Datasets.Data;
using KerasMnist.Keras.Layers;
using KerasMnist.Tests.Isolation;
using KerasMnist.Tests.Keras.Layers;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Applications;

/// <summary>
/// The notebook's ResNet50 trains: compile as the notebook does (Adam 1e-3, probabilities with from_logits false)
/// and fit a fixed batch of 16 synthetic 28x28 digits. It runs in a child process (<see cref="Isolated"/>): ResNet50
/// drives every kind of convolution, and a native crash must fail this test, not abort the test run. The child
/// also has torch's global generator to itself.
/// </summary>
[Collection(WholeModelCollection.Name)]
public class ResNet50TrainingTests(ITestOutputHelper output)
{
    /// <summary>16 images whose class is the position of a bright 7x7 square (plus noise), labels 0..9 then 0..5.</summary>
    static Dataset Digits()
    {
        var random = new Random(7);
        var pixels = new float[16 * 28 * 28];
        var labels = new long[16];
        for (int n = 0; n < 16; n++)
        {
            labels[n] = n % 10;
            int top = (int)(labels[n] / 4) * 7 + 2, left = (int)(labels[n] % 4) * 7;
            for (int i = 0; i < 28 * 28; i++)
            {
                int r = i / 28, c = i % 28;
                bool square = r >= top && r < top + 7 && c >= left && c < left + 7;
                pixels[n * 784 + i] = (square ? 0.8f : 0f) + 0.2f * (float)random.NextDouble();
            }
        }
        using var x = tensor(pixels).reshape(16, 28, 28, 1);
        using var y = tensor(labels);
        return Dataset.from_tensor_slices(x, y).batch(16);
    }

    [Fact]
    public void Notebook_resnet_fits_a_small_batch_and_its_loss_falls() =>
        output.WriteLine(Isolated.Run(FitsASmallBatch, [], TimeSpan.FromMinutes(20))); // minutes when the machine is busy

    static void FitsASmallBatch(string[] args)
    {
        Isolated.Step("building and compiling");
        keras.utils.set_random_seed(3);
        var input_layer = keras.layers.Input((28, 28, 1));
        var padded = keras.layers.ZeroPadding2D(padding: (2, 2)).Apply(input_layer);
        var model = keras.applications.ResNet50(include_top: true, input_tensor: padded, pooling: "avg", weights: null, classes: 10);
        model.compile(
            optimizer: keras.optimizers.Adam(0.001f),
            loss: keras.losses.SparseCategoricalCrossentropy(from_logits: false),
            metrics: [keras.metrics.SparseCategoricalAccuracy()]);
        var bn = model.layers.OfType<BatchNormalization>().First(l => l.name == "conv1_bn");
        var movingMeanBefore = bn.weights.Single(w => w.Name == "moving_mean").Value.clone();
        var data = Digits();

        Isolated.Step("fit, 12 steps of batch 16");
        var history = model.fit(data, epochs: 12, verbose: 0);

        var losses = history.history["loss"];
        Console.WriteLine($"loss per step: {string.Join(", ", losses.Select(l => l.ToString("F3")))}");
        Assert.Equal(12, losses.Count);
        Assert.All(losses, l => Assert.True(double.IsFinite(l)));
        Assert.True(losses[^1] < 0.5 * losses[0], "the loss should at least halve over 12 Adam steps on one fixed batch");
        Assert.True(history.history["sparse_categorical_accuracy"][^1] > history.history["sparse_categorical_accuracy"][0]);

        // Training moved the moving statistics; inference uses them and returns probabilities.
        using var moved = bn.weights.Single(w => w.Name == "moving_mean").Value - movingMeanBefore;
        Assert.True(moved.abs().max().item<float>() > 0);
        using var images = data.First().x;
        Isolated.Step("predict");
        using var probabilities = model.predict(images);
        Assert.Equal(new long[] { 16, 10 }, probabilities.shape);
        using var sums = probabilities.sum(1);
        Assert.All(LayerTensors.Values(sums), s => Assert.Equal(1f, s, 1e-4f));
    }
}
