using KerasMnist.Datasets;
using KerasMnist.Keras.Models;
using KerasMnist.Tests.Fixtures;
using KerasMnist.Tests.Keras.Models;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Imaging;

/// <summary>
/// The notebook's CNN (ImproveStage: Conv2D(8) + MaxPool, Conv2D(16) + MaxPool, Dense(128), Dense(10), L2(1e-3)),
/// trained once for the imaging tests: one epoch on the notebook's train[:70%] split, Adam(0.001), batch 128, seeded,
/// so every run reads the same digits.
/// </summary>
public sealed class TrainedCnn : IDisposable
{
    public const int Seed = 42;
    public const int Epochs = 1;

    public TrainedCnn()
    {
        keras.utils.set_random_seed(Seed);
        using var builder = tfds.builder("mnist", data_dir: SharedMnist.Folder, download: false);
        static (Tensor, Tensor) normalize_img(Tensor image, Tensor label) => (tf.cast(image, tf.float32) / 255f, label);
        var ds_train = builder.as_dataset("train[:70%]").map(normalize_img).cache().shuffle(42_000).batch(128).prefetch(tf.data.AUTOTUNE);
        Model = TestModels.Cnn();
        Model.compile(keras.optimizers.Adam(0.001f), keras.losses.SparseCategoricalCrossentropy(from_logits: true), ["accuracy"]);
        Model.fit(ds_train, epochs: Epochs, verbose: 0);
    }

    public Sequential Model { get; }

    /// <summary>The MNIST test digits (never trained on) for synthetic fields.</summary>
    public MnistTestDigits Test { get; } = new();

    public void Dispose() { }
}

/// <summary>Tests that share the trained CNN. It is trained seeded, so they run on their own, not beside other tests that draw random numbers.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TrainedCnnCollection : ICollectionFixture<TrainedCnn>
{
    public const string Name = "Imaging with a trained CNN";
}
