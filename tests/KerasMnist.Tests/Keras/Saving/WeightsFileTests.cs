using KerasMnist.Tests.Fixtures;
using KerasMnist.Tests.Keras.Models;
using static KerasMnist.Keras.KerasApi;

namespace KerasMnist.Tests.Keras.Saving;

/// <summary>
/// model.save_weights / load_weights: Keras 3's .weights.h5 (the layout inside a .keras archive), the weights inside a
/// .keras archive, and tf.keras 2's .h5 weights; written atomically, checked against the model before assigning.
/// </summary>
public class WeightsFileTests
{
    [Fact]
    public void Weights_round_trip_through_a_weights_h5_file_with_the_optimizer_state()
    {
        using var folder = new TempFolder();
        var trained = TestModels.Cnn();
        trained.compile(keras.optimizers.Adam(0.01f), keras.losses.SparseCategoricalCrossentropy(from_logits: true));
        var data = TestModels.Mnistlike(32, 16, seed: 120);
        trained.fit(data, epochs: 1, verbose: 0);
        var path = folder.Combine("cnn.weights.h5");
        trained.save_weights(path);
        Assert.Equal(["cnn.weights.h5"], folder.Files());

        var fresh = TestModels.Cnn();
        fresh.compile(keras.optimizers.Adam(0.01f), keras.losses.SparseCategoricalCrossentropy(from_logits: true));
        fresh.Build((28, 28, 1));
        fresh.load_weights(path);

        using var batch = TestModels.Images(4, seed: 121);
        Assert.True(TestModels.BitwiseEqual(trained.predict(batch), fresh.predict(batch)));
        Assert.Equal(trained.optimizer!.iterations, fresh.optimizer!.iterations);
        Assert.Equal(trained.fit(data, verbose: 0).history["loss"][0], fresh.fit(data, verbose: 0).history["loss"][0]);
    }

    [Fact]
    public void Weights_load_from_a_keras_archive_and_from_a_tf_keras_h5_file()
    {
        using var folder = new TempFolder();
        var source = TestModels.Mlp();
        var archive = folder.Combine("mlp.keras");
        source.save(archive);
        var legacy = folder.Combine("mlp.h5");
        LegacyFiles.Write(legacy, new System.Text.Json.Nodes.JsonObject { ["class_name"] = "Sequential", ["config"] = new System.Text.Json.Nodes.JsonObject() },
            trainingConfig: null, source);

        using var batch = TestModels.Images(3, seed: 122);
        foreach (var file in new[] { archive, legacy })
        {
            var target = TestModels.Mlp();
            target.load_weights(file);
            Assert.True(TestModels.BitwiseEqual(source.predict(batch), target.predict(batch)), file);
        }
    }

    [Fact]
    public void Weights_of_another_architecture_are_rejected_and_the_suffix_is_keras_s()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("mlp.weights.h5");
        TestModels.Mlp().save_weights(path);
        var cnn = TestModels.Cnn();
        cnn.Build((28, 28, 1));
        var before = cnn.GetWeights();

        var error = Assert.Throws<InvalidDataException>(() => cnn.load_weights(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("weights for layer", error.Message);
        Assert.All(cnn.GetWeights().Zip(before), p => Assert.True(TestModels.BitwiseEqual(p.First, p.Second))); // nothing assigned

        var suffix = Assert.Throws<ArgumentException>(() => cnn.save_weights(folder.Combine("cnn.h5")));
        Assert.Contains("must end in .weights.h5", suffix.Message);
    }
}
