using System.IO.Compression;
using System.Text.Json.Nodes;
using KerasMnist.Keras.Models;
using KerasMnist.Tests.Fixtures;
using KerasMnist.Tests.Keras.Models;
using static KerasMnist.Keras.KerasApi;

namespace KerasMnist.Tests.Keras.Saving;

/// <summary>
/// Saving a loaded model keeps everything it loaded (issue 9, item 4): train, save s1, load, save s2, load again; s2
/// holds the same config, weights and optimizer state as s1, and the twice-loaded model trains on exactly as the
/// original does. Before, a model saved before its first step after loading lost Adam's moments.
/// </summary>
public class ResaveTests
{
    static void Compile(Model model) =>
        model.compile(keras.optimizers.Adam(0.01f), keras.losses.SparseCategoricalCrossentropy(from_logits: true), ["accuracy"]);

    /// <summary>Everything in the archive but the save date: config.json's text and model.weights.h5's groups and values.</summary>
    static (string config, SortedDictionary<string, string> weights) Contents(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        string config;
        using (var reader = new StreamReader(zip.GetEntry("config.json")!.Open())) config = reader.ReadToEnd();
        using var bytes = new MemoryStream();
        using (var stream = zip.GetEntry("model.weights.h5")!.Open()) stream.CopyTo(bytes);
        bytes.Position = 0;
        using var h5 = PureHDF.H5File.Open(bytes);
        var weights = new SortedDictionary<string, string>();
        Flatten(h5, "", weights);
        return (config, weights);
    }

    static void Flatten(PureHDF.IH5Group group, string path, SortedDictionary<string, string> into)
    {
        foreach (var child in group.Children())
        {
            var childPath = $"{path}/{child.Name}";
            if (child is PureHDF.IH5Group g)
            {
                into[childPath + "/"] = "";
                Flatten(g, childPath, into);
            }
            else if (child is PureHDF.IH5Dataset d)
                into[childPath] = d.Type.Class == PureHDF.H5DataTypeClass.FixedPoint ? $"{d.Read<long>()}"
                    : d.Space.Dimensions.Length == 0 ? $"{BitConverter.SingleToInt32Bits(d.Read<float>())}"
                    : string.Join(",", d.Read<float[]>().Select(BitConverter.SingleToInt32Bits)) + $" ({string.Join(", ", d.Space.Dimensions)})";
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_loaded_model_saved_again_equals_the_first_save_and_trains_on_identically(bool cnn)
    {
        using var folder = new TempFolder();
        var original = cnn ? TestModels.Cnn() : TestModels.Mlp();
        Compile(original);
        var data = TestModels.Mnistlike(48, 16, seed: 80);
        original.fit(data, epochs: 2, verbose: 0);
        var s1 = folder.Combine("s1.keras");
        original.save(s1);
        var once = keras.models.load_model(s1);
        var s2 = folder.Combine("s2.keras");
        once.save(s2);
        var twice = keras.models.load_model(s2);

        var (config1, weights1) = Contents(s1);
        var (config2, weights2) = Contents(s2);
        Assert.Equal(config1, config2);
        // Adam's moments are in both: iteration count, learning rate, then 2 per trainable weight.
        Assert.Equal(2 + 2 * original.trainable_weights.Count(), weights1.Keys.Count(k => k.StartsWith("/optimizer/vars/") && !k.EndsWith('/')));
        Assert.Equal(weights1, weights2);
        Assert.Equal(original.optimizer!.iterations, twice.optimizer!.iterations);

        var expected = original.fit(data, epochs: 1, verbose: 0).history["loss"][0];
        var resumed = twice.fit(data, epochs: 1, verbose: 0).history["loss"][0];
        Assert.Equal(expected, resumed);
        for (int i = 0; i < original.weights.Count; i++)
            Assert.True(TestModels.BitwiseEqual(original.weights[i].Value, twice.weights[i].Value),
                $"weight {i} ({original.weights[i].Name}) differs after one more epoch");
    }

    [Fact]
    public void A_published_file_saved_again_keeps_its_optimizer_state_and_compile_config()
    {
        using var folder = new TempFolder();
        var loaded = keras.models.load_model(PublishedModels.Keras3Cnn);
        var path = folder.Combine("again.keras");
        loaded.save(path);
        var again = keras.models.load_model(path);

        Assert.Equal(6330, again.optimizer!.iterations);
        Assert.Equal(loaded.loss!.GetType(), again.loss!.GetType());
        Assert.Equal(loaded.metrics_names, again.metrics_names);
        var (config, weights) = Contents(path);
        Assert.Contains("\"loss\":{\"module\":\"keras.losses\",\"class_name\":\"CategoricalCrossentropy\"", config);
        Assert.Equal(2 + 2 * 6, weights.Keys.Count(k => k.StartsWith("/optimizer/vars/") && !k.EndsWith('/')));
        using var batch = TestModels.Images(4, seed: 81);
        Assert.True(TestModels.BitwiseEqual(loaded.predict(batch), again.predict(batch)));
        Assert.True(JsonNode.Parse(config)!["compile_config"]!["metrics"]!.AsArray().Single()!.GetValue<string>() == "accuracy");
    }
}
