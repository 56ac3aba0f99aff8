using KerasMnist.Keras.Models;
using static KerasMnist.Keras.KerasApi;

namespace KerasMnist.Benchmarks.Training;

/// <summary>The notebook's two models, written as its cells write them, compiled as it compiles them.</summary>
internal static class NotebookModels
{
    public static Sequential Mlp() => Compiled(keras.Sequential(
        keras.layers.Flatten(input_shape: (28, 28, 1)),
        keras.layers.Dense(128, activation: "relu"),
        keras.layers.Dense(10)));

    public static Sequential Cnn() => Compiled(keras.Sequential(
        keras.layers.Conv2D(8, 3, activation: "relu", kernel_regularizer: keras.regularizers.l2(1e-3f)),
        keras.layers.MaxPool2D(),
        keras.layers.Conv2D(16, 3, activation: "relu", kernel_regularizer: keras.regularizers.l2(1e-3f)),
        keras.layers.MaxPool2D(),
        keras.layers.Flatten(input_shape: (28, 28)),
        keras.layers.Dense(128, activation: "relu", kernel_regularizer: keras.regularizers.l2(1e-3f)),
        keras.layers.Dense(10, kernel_regularizer: keras.regularizers.l2(1e-3f))));

    static Sequential Compiled(Sequential model)
    {
        model.compile(
            optimizer: keras.optimizers.Adam(0.001f),
            loss: keras.losses.SparseCategoricalCrossentropy(from_logits: true),
            metrics: [keras.metrics.SparseCategoricalAccuracy()]);
        return model;
    }
}
