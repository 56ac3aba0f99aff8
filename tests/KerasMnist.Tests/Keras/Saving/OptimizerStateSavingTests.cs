using KerasMnist.Keras.Models;
using KerasMnist.Tests.Fixtures;
using KerasMnist.Tests.Keras.Models;
using static KerasMnist.Keras.KerasApi;

namespace KerasMnist.Tests.Keras.Saving;

/// <summary>
/// model.save keeps the optimizer's state after training, as Keras does: a loaded model continues training exactly
/// where the saved one stopped. Adam restarted from zero moments and iteration 0 would take a different second step.
/// </summary>
public class OptimizerStateSavingTests
{
    static void Compile(Model model) =>
        model.compile(keras.optimizers.Adam(0.01f), keras.losses.SparseCategoricalCrossentropy(from_logits: true));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_reloaded_model_trains_on_exactly_as_the_saved_one(bool cnn)
    {
        using var folder = new TempFolder();
        var model = cnn ? TestModels.Cnn() : TestModels.Mlp();
        Compile(model);
        var data = TestModels.Mnistlike(48, 16, seed: 30);
        model.fit(data, epochs: 2, verbose: 0);
        var path = folder.Combine("trained.keras");
        model.save(path);
        var loaded = keras.models.load_model(path);
        Assert.Equal(model.optimizer!.iterations, loaded.optimizer!.iterations);

        var continued = model.fit(data, epochs: 1, verbose: 0).history["loss"][0];
        var resumed = loaded.fit(data, epochs: 1, verbose: 0).history["loss"][0];

        Assert.Equal(continued, resumed);
        for (int i = 0; i < model.weights.Count; i++)
            Assert.True(TestModels.BitwiseEqual(model.weights[i].Value, loaded.weights[i].Value),
                $"weight {i} ({model.weights[i].Name}) differs after one more epoch");
    }

    [Fact]
    public void Without_training_only_the_iteration_count_and_learning_rate_are_saved_and_the_loaded_optimizer_starts_fresh()
    {
        using var folder = new TempFolder();
        var model = TestModels.Mlp();
        Compile(model);
        var path = folder.Combine("untrained.keras");
        model.save(path);
        // As Keras: optimizer/vars holds the iteration count and learning rate, no moments before the first update.
        int count = 0;
        ArchiveEdits.EditWeights(path, h5 => count = ((PureHDF.H5Group)((PureHDF.H5Group)h5["optimizer"])["vars"]).Count);
        Assert.Equal(2, count);
        Assert.Equal(0, keras.models.load_model(path).optimizer!.iterations);
    }

    [Fact]
    public void An_optimizer_state_that_does_not_fit_the_model_is_an_error_not_a_silent_restart()
    {
        using var folder = new TempFolder();
        var model = TestModels.Mlp();
        Compile(model);
        model.fit(TestModels.Mnistlike(16, 16, seed: 31), epochs: 1, verbose: 0);
        var path = folder.Combine("damaged.keras");
        model.save(path);
        // Adam's velocity of the first kernel (784, 128) replaced by one of another shape.
        ArchiveEdits.EditWeights(path, h5 =>
            ((PureHDF.H5Group)((PureHDF.H5Group)h5["optimizer"])["vars"])["3"] = new PureHDF.H5Dataset(new float[784 * 64], fileDims: [784, 64]));

        var error = Assert.Throws<InvalidDataException>(() => keras.models.load_model(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("optimizer/vars/3 (velocity of kernel) has shape (784, 64)", error.Message);
    }

    [Fact]
    public void A_damaged_optimizer_state_is_an_error_not_a_silent_restart()
    {
        using var folder = new TempFolder();
        var model = TestModels.Mlp();
        Compile(model);
        model.fit(TestModels.Mnistlike(16, 16, seed: 31), epochs: 1, verbose: 0);
        var path = folder.Combine("damaged.keras");
        model.save(path);
        // The optimizer's variables are the last two thirds of the weights file's data (two moments per weight).
        ArchiveEdits.FlipByteOfEntry(path, "model.weights.h5", 0.9, 0xFF);

        var error = Assert.Throws<InvalidDataException>(() => keras.models.load_model(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("CRC-32", error.Message);
    }
}
