using KerasMnist.Datasets;
using KerasMnist.Datasets.Data;
using KerasMnist.Keras.Models;
using KerasMnist.Tests.Fixtures;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Training;

/// <summary>
/// One epoch of the notebook's two models on real MNIST, through tfds.load and the notebook's tf.data pipeline:
/// 42,000 training / 18,000 validation images, batch 128, Adam(0.001), sparse CE from logits. Unseeded on purpose:
/// the thresholds hold for any initialisation and shuffle order, not just a lucky one.
/// </summary>
public class MnistAccuracyTests
{
    static (Dataset train, Dataset valid) NotebookPipeline()
    {
        var (ds_train, ds_valid) = tfds.load("mnist", split: ["train[:70%]", "train[70%:]"],
            data_dir: SharedMnist.Folder, shuffle_files: true, download: false, as_supervised: true);
        Assert.Equal(42_000, ds_train.cardinality());
        Assert.Equal(18_000, ds_valid.cardinality());
        static (Tensor, Tensor) normalize_img(Tensor image, Tensor label) => (tf.cast(image, tf.float32) / 255f, label);
        ds_train = ds_train.map(normalize_img, num_parallel_calls: tf.data.AUTOTUNE).cache().shuffle(42_000).batch(128)
            .prefetch(tf.data.AUTOTUNE);
        ds_valid = ds_valid.map(normalize_img, num_parallel_calls: tf.data.AUTOTUNE).cache().batch(128)
            .prefetch(tf.data.AUTOTUNE);
        return (ds_train, ds_valid);
    }

    static double OneEpochValidationAccuracy(Sequential model)
    {
        var (train, valid) = NotebookPipeline();
        model.compile(keras.optimizers.Adam(0.001f), keras.losses.SparseCategoricalCrossentropy(from_logits: true), ["accuracy"]);
        var history = model.fit(train, epochs: 1, verbose: 0, validation_data: valid);
        Assert.Equal(329, model.optimizer!.iterations); // ⌈42,000 / 128⌉ steps, the last one of 16 images
        return history.history["val_accuracy"][0];
    }

    [Fact]
    public void One_epoch_of_the_notebooks_mlp_reaches_92_percent_validation_accuracy()
    {
        var model = keras.Sequential(
            keras.layers.Flatten(input_shape: (28, 28, 1)),
            keras.layers.Dense(128, activation: "relu"),
            keras.layers.Dense(10));
        double accuracy = OneEpochValidationAccuracy(model);
        Assert.True(accuracy >= 0.92, $"validation accuracy after one epoch: {accuracy:F4}");
    }

    [Fact]
    public void One_epoch_of_the_notebooks_cnn_reaches_94_percent_validation_accuracy()
    {
        var model = keras.Sequential(
            keras.layers.Conv2D(8, 3, activation: "relu", kernel_regularizer: keras.regularizers.l2(1e-3f)),
            keras.layers.MaxPool2D(),
            keras.layers.Conv2D(16, 3, activation: "relu", kernel_regularizer: keras.regularizers.l2(1e-3f)),
            keras.layers.MaxPool2D(),
            keras.layers.Flatten(input_shape: (28, 28)),
            keras.layers.Dense(128, activation: "relu", kernel_regularizer: keras.regularizers.l2(1e-3f)),
            keras.layers.Dense(10, kernel_regularizer: keras.regularizers.l2(1e-3f)));
        double accuracy = OneEpochValidationAccuracy(model);
        Assert.True(accuracy >= 0.94, $"validation accuracy after one epoch: {accuracy:F4}");
    }
}
