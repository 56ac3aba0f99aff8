namespace KerasMnist.Tests.Keras.Saving;

/// <summary>
/// The model files saved by Python Keras in public projects, kept in ../shared/keras-models beside the checkout (its
/// README gives their sources, licences and the accuracies they reach).
/// </summary>
internal static class PublishedModels
{
    /// <summary>Keras 3.1.1 .keras archive: Conv2D(32)-pool-Conv2D(64)-pool-Flatten-Dropout-Dense(10, softmax).</summary>
    public static string Keras3Cnn => Path("keras3_cnn_moonflower.keras");

    /// <summary>tf.keras 2.6.0 .h5 full-model file of the same architecture (the keras.io "simple MNIST convnet").</summary>
    public static string TfKeras26Cnn => Path("tfkeras26_cnn_kiljaeden.h5");

    static string Path(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "KerasMnist.sln")))
            {
                var path = System.IO.Path.Combine(dir.FullName, "..", "shared", "keras-models", file);
                Assert.True(File.Exists(path), $"The published model {file} is expected in ../shared/keras-models beside the checkout ({path}).");
                return System.IO.Path.GetFullPath(path);
            }
        throw new InvalidOperationException("The tests run from a build folder inside the checkout; KerasMnist.sln was not found above it.");
    }
}
