using KerasMnist.Datasets;
using KerasMnist.Keras;
using KerasMnist.Keras.Layers;
using KerasMnist.Keras.Losses;
using KerasMnist.Keras.Metrics;
using KerasMnist.Keras.Models;
using KerasMnist.Keras.Optimizers;
using KerasMnist.Tests.Fixtures;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Saving;

/// <summary>
/// Files saved by Python Keras in other people's projects load and classify MNIST's 10,000 test images as well as they
/// do in Python: 0.9918 and 0.9903, computed independently with numpy from the same weights (shared README). Both were
/// compiled with categorical_crossentropy, so evaluate gets one-hot labels; accuracy by argmax must agree with it.
/// </summary>
public class PublishedModelTests
{
    static Tensor TestImages(out Tensor labels)
    {
        var ds = tfds.load("mnist", split: "test", data_dir: SharedMnist.Folder, download: false, as_supervised: true);
        var images = new List<Tensor>();
        var truth = new List<Tensor>();
        foreach (var (x, y) in ds.batch(2000))
        {
            images.Add(x.to_type(ScalarType.Float32) / 255f); // the x/255 scaling both projects trained with
            truth.Add(y);
        }
        labels = cat(truth, 0);
        return cat(images, 0);
    }

    static void AssertAccuracy(Model model, double expected)
    {
        using var x = TestImages(out var y);
        using var _ = y;
        using var probabilities = model.predict(x, batch_size: 500);
        double byArgmax = probabilities.argmax(1).eq(y).to_type(ScalarType.Float64).mean().item<double>();
        Assert.True(Math.Abs(byArgmax - expected) <= 0.0003, $"accuracy by argmax {byArgmax:F4}, expected {expected:F4} within 3 images");

        // evaluate with the file's own compile config: categorical cross-entropy on one-hot labels.
        Assert.IsType<CategoricalCrossentropy>(model.loss);
        var data = KerasMnist.Datasets.Data.Dataset.from_tensor_slices(x, keras.utils.to_categorical(y, 10)).batch(1000);
        var scores = model.evaluate(data, verbose: 0, return_dict: true).AsDictionary();
        Assert.Equal((float)byArgmax, scores["accuracy"], 1e-9); // Keras reports the float32 mean
        Assert.InRange(scores["loss"], 0.01, 0.05); // a well-trained MNIST CNN; a scrambled kernel gives ~2.3
    }

    [Fact]
    public void Keras3_archive_loads_with_its_layers_compile_config_and_optimizer_and_reaches_99_18_percent()
    {
        var model = keras.models.load_model(PublishedModels.Keras3Cnn);

        Assert.Equal(["Conv2D", "MaxPooling2D", "Conv2D", "MaxPooling2D", "Flatten", "Dropout", "Dense"], model.layers.Select(l => l.ClassName));
        Assert.Equal(new Shape(28, 28, 1), model.layers[0].BuiltInputShape);
        Assert.Equal(new long[] { 3, 3, 1, 32 }, Assert.IsType<Conv2D>(model.layers[0]).kernel!.shape);
        Assert.Equal("softmax", Assert.IsType<Dense>(model.layers[^1]).activation.name);
        Assert.IsType<CategoricalAccuracy>(Assert.Single(model.compiled_metrics));
        // The optimizer's state came along: Adam's iteration count and moments as the file holds them.
        var adam = Assert.IsType<Adam>(model.optimizer);
        Assert.Equal(6330, adam.iterations);
        AssertAccuracy(model, 0.9918);
    }

    [Fact]
    public void TfKeras26_h5_file_loads_with_its_training_config_and_reaches_99_03_percent()
    {
        var model = keras.models.load_model(PublishedModels.TfKeras26Cnn);

        Assert.Equal(["Conv2D", "MaxPooling2D", "Conv2D", "MaxPooling2D", "Flatten", "Dropout", "Dense"], model.layers.Select(l => l.ClassName));
        Assert.Equal(new Shape(28, 28, 1), model.layers[0].BuiltInputShape);
        Assert.Equal(0.001f, Assert.IsType<Adam>(model.optimizer).learning_rate, 1e-9f);
        Assert.Equal("accuracy", Assert.IsType<CategoricalAccuracy>(Assert.Single(model.compiled_metrics)).name);
        AssertAccuracy(model, 0.9903);
    }
}
