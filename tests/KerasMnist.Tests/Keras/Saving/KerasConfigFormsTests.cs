using System.Text;
using System.Text.Json.Nodes;
using KerasMnist.Datasets.Data;
using KerasMnist.Keras.Losses;
using KerasMnist.Keras.Metrics;
using KerasMnist.Keras.Models;
using KerasMnist.Tests.Fixtures;
using KerasMnist.Tests.Keras.Models;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Saving;

/// <summary>
/// The forms Keras 3 versions write into config.json that this port does not write itself: dtype as a DTypePolicy
/// object (Keras 3.5+), the loss as a serialized function, the optimizer as a string or null, metrics as
/// MeanMetricWrapper objects; and a dtype the port lacks.
/// </summary>
public class KerasConfigFormsTests
{
    static (Sequential model, string path) Saved(TempFolder folder)
    {
        var model = TestModels.Mlp();
        model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: true), ["accuracy"]);
        var path = folder.Combine("model.keras");
        model.save(path);
        return (model, path);
    }

    static void EditConfig(string path, Func<string, string> edit) =>
        ArchiveEdits.ReplaceEntry(path, "config.json", Encoding.UTF8.GetBytes(edit(ArchiveEdits.ReadText(path, "config.json"))));

    const string Policy = "{\"module\":\"keras\",\"class_name\":\"DTypePolicy\",\"config\":{\"name\":\"float32\"},\"registered_name\":null}";

    [Fact]
    public void Keras_3_5_dtype_policies_and_compile_config_forms_load()
    {
        using var folder = new TempFolder();
        var (original, path) = Saved(folder);
        EditConfig(path, config =>
        {
            var json = JsonNode.Parse(config.Replace("\"dtype\":\"float32\"", $"\"dtype\":{Policy}"))!.AsObject();
            json["compile_config"]!["optimizer"] = "adam";
            json["compile_config"]!["loss"] = JsonNode.Parse(
                "{\"module\":\"builtins\",\"class_name\":\"function\",\"config\":\"sparse_categorical_crossentropy\",\"registered_name\":\"function\"}");
            json["compile_config"]!["metrics"] = JsonNode.Parse(
                "[{\"module\":\"keras.metrics\",\"class_name\":\"MeanMetricWrapper\",\"config\":{\"name\":\"acc\",\"dtype\":\"float32\",\"fn\":\"sparse_categorical_accuracy\"},\"registered_name\":null}]");
            return json.ToJsonString();
        });
        Assert.Contains("DTypePolicy", ArchiveEdits.ReadText(path, "config.json"));

        var model = keras.models.load_model(path);

        Assert.False(Assert.IsType<SparseCategoricalCrossentropy>(model.loss).from_logits);
        Assert.Equal("acc", Assert.IsType<SparseCategoricalAccuracy>(Assert.Single(model.compiled_metrics)).name);
        Assert.Equal(0.001f, model.optimizer!.learning_rate);
        using var x = TestModels.Images(3, seed: 110);
        Assert.True(TestModels.BitwiseEqual(original.predict(x), model.predict(x)));
    }

    [Fact]
    public void A_null_optimizer_compiles_for_evaluate_only_and_a_missing_compile_config_leaves_the_model_uncompiled()
    {
        using var folder = new TempFolder();
        var (_, path) = Saved(folder);
        EditConfig(path, config =>
        {
            var json = JsonNode.Parse(config)!.AsObject();
            json["compile_config"]!["optimizer"] = null;
            return json.ToJsonString();
        });
        var model = keras.models.load_model(path);
        Assert.Null(model.optimizer);
        using var x = TestModels.Images(4, seed: 111);
        using var y = tensor(new long[] { 1, 2, 3, 4 });
        Assert.Equal(["loss", "accuracy"], model.evaluate(Dataset.from_tensor_slices(x, y).batch(2), verbose: 0).AsDictionary().Keys);

        EditConfig(path, config =>
        {
            var json = JsonNode.Parse(config)!.AsObject();
            json.Remove("compile_config");
            return json.ToJsonString();
        });
        Assert.Null(keras.models.load_model(path).loss);
    }

    [Fact]
    public void A_dtype_the_port_lacks_is_an_error_naming_it()
    {
        using var folder = new TempFolder();
        var (_, path) = Saved(folder);
        EditConfig(path, config => config.Replace("\"dtype\":\"float32\"",
            "\"dtype\":{\"module\":\"keras\",\"class_name\":\"DTypePolicy\",\"config\":{\"name\":\"mixed_float16\"},\"registered_name\":null}"));
        var error = Assert.Throws<InvalidDataException>(() => keras.models.load_model(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("dtype 'mixed_float16'; KerasMnist computes in float32 only", error.Message);
    }
}
