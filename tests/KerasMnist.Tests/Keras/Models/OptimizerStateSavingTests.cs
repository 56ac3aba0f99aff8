using System.IO.Compression;
using KerasMnist.Keras.Models;
using KerasMnist.Tests.Datasets.Fixtures;
using static KerasMnist.Keras.KerasApi;

namespace KerasMnist.Tests.Keras.Models;

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
    public void Without_training_there_is_no_optimizer_state_and_the_loaded_optimizer_starts_fresh()
    {
        using var folder = new TempFolder();
        var model = TestModels.Mlp();
        Compile(model);
        var path = folder.Combine("untrained.keras");
        model.save(path);
        using (var zip = ZipFile.OpenRead(path))
            Assert.DoesNotContain(zip.Entries, e => e.Name.StartsWith("optimizer", StringComparison.Ordinal));
        Assert.Equal(0, keras.models.load_model(path).optimizer!.iterations);
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
        ArchiveEdits.FlipMiddleByte(path, "optimizer.weights.bin", 0xFF);

        var error = Assert.Throws<InvalidDataException>(() => keras.models.load_model(path));
        Assert.Contains("optimizer state fail their SHA-256 check", error.Message);
    }
}
