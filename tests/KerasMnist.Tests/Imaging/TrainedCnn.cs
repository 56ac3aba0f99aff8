using KerasMnist.Datasets;
using KerasMnist.Keras.Models;
using KerasMnist.Tests.Datasets.Fixtures;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Imaging;

/// <summary>
/// The notebook's CNN (ImproveStage: Conv2D(8) + MaxPool, Conv2D(16) + MaxPool, Dense(128), Dense(10), L2(1e-3)),
/// trained once for the imaging tests: 2 epochs on the notebook's train[:70%] split, Adam(0.001), batch 128, seeded,
/// so every run reads the same digits. Also holds the MNIST test images the synthetic tests compose from.
/// </summary>
public sealed class TrainedCnn : IDisposable
{
    public const int Seed = 42;

    public TrainedCnn()
    {
        keras.utils.set_random_seed(Seed);
        tf.random.set_seed(Seed);
        using var builder = tfds.builder("mnist", data_dir: SharedMnist.Folder, download: false);
        static (Tensor, Tensor) normalize_img(Tensor image, Tensor label) => (tf.cast(image, tf.float32) / 255f, label);
        var ds_train = builder.as_dataset("train[:70%]").map(normalize_img).cache().shuffle(42_000).batch(128).prefetch(tf.data.AUTOTUNE);
        Model = keras.models.Sequential(
            keras.layers.Conv2D(8, 3, activation: "relu", kernel_regularizer: keras.regularizers.l2(1e-3f)),
            keras.layers.MaxPool2D(),
            keras.layers.Conv2D(16, 3, activation: "relu", kernel_regularizer: keras.regularizers.l2(1e-3f)),
            keras.layers.MaxPool2D(),
            keras.layers.Flatten(input_shape: (28, 28)),
            keras.layers.Dense(128, activation: "relu", kernel_regularizer: keras.regularizers.l2(1e-3f)),
            keras.layers.Dense(10, kernel_regularizer: keras.regularizers.l2(1e-3f)));
        Model.compile(keras.optimizers.Adam(0.001f), keras.losses.SparseCategoricalCrossentropy(from_logits: true), ["accuracy"]);
        Model.fit(ds_train, epochs: 2, verbose: 0);

        var (images, labels) = builder.as_tensors("test");
        using (images)
        using (labels)
        {
            TestImages = images.to_type(ScalarType.Float32).data<float>().ToArray();
            TestLabels = labels.data<long>().ToArray().Select(l => (int)l).ToArray();
        }
    }

    public Sequential Model { get; }

    /// <summary>The 10,000 MNIST test images, 784 values 0..255 each, white on black.</summary>
    public float[] TestImages { get; }

    public int[] TestLabels { get; }

    /// <summary>Test image <paramref name="index"/> as a 28x28 grey image.</summary>
    public KerasMnist.Imaging.Preprocessing.GrayImage TestDigit(int index) =>
        new(28, 28, TestImages.AsSpan(index * 784, 784).ToArray());

    public void Dispose() { }
}

/// <summary>Tests that share the trained CNN. It is trained seeded, so they run on their own, not beside other tests that draw random numbers.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TrainedCnnCollection : ICollectionFixture<TrainedCnn>
{
    public const string Name = "Imaging with a trained CNN";
}
