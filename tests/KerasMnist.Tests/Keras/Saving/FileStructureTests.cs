using System.IO.Compression;
using System.Text.Json.Nodes;
using KerasMnist.Datasets.Data;
using KerasMnist.Keras.Models;
using KerasMnist.Tests.Fixtures;
using KerasMnist.Tests.Keras.Models;
using PureHDF;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Saving;

/// <summary>
/// A file this port saves has the layout Keras 3.1.1 gave the published file for the same layers: the same HDF5 groups
/// and datasets with the same dtypes, shapes and attributes in model.weights.h5 (layers by per-class path, the
/// optimizer's iteration count as an int64 scalar, the learning rate, Adam's moments), and the same config keys for every
/// layer, the model and the compile config.
/// </summary>
public class FileStructureTests
{
    /// <summary>The published model's architecture and compile arguments, trained one step here so the optimizer has state.</summary>
    static Sequential SameArchitectureTrained()
    {
        var model = keras.Sequential(
            keras.layers.InputLayer((28, 28, 1)),
            keras.layers.Conv2D(32, 3, activation: "relu"),
            keras.layers.MaxPooling2D(2),
            keras.layers.Conv2D(64, 3, activation: "relu"),
            keras.layers.MaxPooling2D(2),
            keras.layers.Flatten(),
            keras.layers.Dropout(0.5f),
            keras.layers.Dense(10, activation: "softmax"));
        model.compile("adam", "categorical_crossentropy", ["accuracy"]);
        using var x = TestModels.Images(8, seed: 70);
        using var labels = tensor(new long[] { 0, 1, 2, 3, 4, 5, 6, 7 });
        model.fit(Dataset.from_tensor_slices(x, keras.utils.to_categorical(labels, 10)).batch(8), verbose: 0);
        return model;
    }

    /// <summary>Every group and dataset of an HDF5 file: path, then for datasets the type class, size and shape, and attribute names.</summary>
    static SortedSet<string> Listing(IH5Group group, string path = "")
    {
        var lines = new SortedSet<string>();
        foreach (var attribute in group.Attributes()) lines.Add($"{path}/@{attribute.Name}");
        foreach (var child in group.Children())
        {
            var childPath = $"{path}/{child.Name}";
            if (child is IH5Group g)
            {
                lines.Add(childPath + "/");
                lines.UnionWith(Listing(g, childPath));
            }
            else if (child is IH5Dataset d)
            {
                lines.Add($"{childPath} {d.Type.Class}{d.Type.Size * 8} ({string.Join(", ", d.Space.Dimensions)})");
                foreach (var attribute in d.Attributes()) lines.Add($"{childPath}/@{attribute.Name}");
            }
        }
        return lines;
    }

    static (SortedSet<string> h5, JsonObject config) Contents(string keras)
    {
        using var zip = ZipFile.OpenRead(keras);
        using var weights = new MemoryStream();
        using (var s = zip.GetEntry("model.weights.h5")!.Open()) s.CopyTo(weights);
        weights.Position = 0;
        using var h5 = H5File.Open(weights);
        using var config = zip.GetEntry("config.json")!.Open();
        return (Listing(h5), JsonNode.Parse(config)!.AsObject());
    }

    [Fact]
    public void Weights_file_has_the_groups_datasets_dtypes_and_shapes_keras_writes()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("ours.keras");
        SameArchitectureTrained().save(path);

        var (published, _) = Contents(PublishedModels.Keras3Cnn);
        var (ours, _) = Contents(path);

        Assert.Contains("/layers/conv2d_1/vars/0 FloatingPoint32 (3, 3, 32, 64)", published); // the comparison covers the kernels
        Assert.Contains("/optimizer/vars/0 FixedPoint64 ()", published);
        Assert.Equal(published, ours);
    }

    [Fact]
    public void Config_has_the_keys_keras_writes_for_each_layer_the_model_and_the_compile_config()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("ours.keras");
        SameArchitectureTrained().save(path);

        var (_, published) = Contents(PublishedModels.Keras3Cnn);
        var (_, ours) = Contents(path);

        static string[] Keys(JsonNode? node) => node!.AsObject().Select(kv => kv.Key).Order().ToArray();
        Assert.Equal(Keys(published), Keys(ours));
        Assert.Equal(Keys(published["config"]), Keys(ours["config"]));
        Assert.Equal(Keys(published["compile_config"]), Keys(ours["compile_config"]));
        Assert.Equal(published["module"]!.GetValue<string>(), ours["module"]!.GetValue<string>());
        var publishedLayers = published["config"]!["layers"]!.AsArray();
        var ourLayers = ours["config"]!["layers"]!.AsArray();
        Assert.Equal(publishedLayers.Count, ourLayers.Count);
        for (int i = 0; i < publishedLayers.Count; i++)
        {
            var (p, o) = (publishedLayers[i]!, ourLayers[i]!);
            Assert.Equal(p["class_name"]!.GetValue<string>(), o["class_name"]!.GetValue<string>());
            Assert.Equal(p["module"]!.GetValue<string>(), o["module"]!.GetValue<string>());
            Assert.True(Keys(p["config"]).SequenceEqual(Keys(o["config"])),
                $"{p["class_name"]}: Keras writes {string.Join(", ", Keys(p["config"]))}; we write {string.Join(", ", Keys(o["config"]))}");
            // Same values where the settings are the same (dtype, kernel_size, strides, activation, ...), names aside.
            foreach (var key in Keys(p["config"]).Where(k => k != "name"))
                Assert.True(JsonNode.DeepEquals(p["config"]![key], o["config"]![key]),
                    $"{p["class_name"]}.{key}: Keras {p["config"]![key]?.ToJsonString()}, ours {o["config"]![key]?.ToJsonString()}");
        }
    }
}
