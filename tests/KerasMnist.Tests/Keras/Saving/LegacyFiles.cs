using System.Text.Json.Nodes;
using KerasMnist.Keras.Layers;
using KerasMnist.Keras.Models;
using PureHDF;

namespace KerasMnist.Tests.Keras.Saving;

/// <summary>
/// Writes files in tf.keras 2's HDF5 model layout (as h5py under tf.keras 2.x writes them): root attributes
/// keras_version, backend, model_config and training_config; model_weights with layer_names, and per layer a
/// weight_names attribute (an empty float64 array when the layer has none, as tf.keras wrote it) and the datasets at
/// &lt;layer&gt;/&lt;layer&gt;/&lt;weight&gt;:0. The weights come from a model built here, in Keras's layout.
/// </summary>
internal static class LegacyFiles
{
    public static void Write(string path, JsonObject modelConfig, JsonObject? trainingConfig, Model weightsFrom, string kerasVersion = "2.15.0")
    {
        var layerNames = new List<string>();
        var weights = new H5Group();
        foreach (var layer in weightsFrom.layers.Distinct().Where(l => l is not InputLayer))
        {
            layerNames.Add(layer.name);
            var variables = layer.trainable_weights.Concat(layer.non_trainable_weights).ToList();
            var inner = new H5Group();
            foreach (var v in variables)
            {
                using var value = v.numpy();
                inner[$"{v.Name}:0"] = new H5Dataset(value.data<float>().ToArray(), fileDims: value.shape.Select(d => (ulong)d).ToArray());
            }
            var group = new H5Group { Attributes = new() };
            group.Attributes["weight_names"] = variables.Count == 0 ? new double[0] : variables.Select(v => $"{layer.name}/{v.Name}:0").ToArray();
            if (variables.Count > 0) group[layer.name] = inner;
            weights[layer.name] = group;
        }
        weights.Attributes = new() { ["layer_names"] = layerNames.ToArray(), ["backend"] = "tensorflow", ["keras_version"] = kerasVersion };
        var file = new H5File { ["model_weights"] = weights };
        file.Attributes["keras_version"] = kerasVersion;
        file.Attributes["backend"] = "tensorflow";
        file.Attributes["model_config"] = modelConfig.ToJsonString();
        if (trainingConfig is not null) file.Attributes["training_config"] = trainingConfig.ToJsonString();
        file.Write(path);
    }

    /// <summary>A tf.keras layer entry: <c>{"class_name", "config"}</c>, with Keras 2's dtype and trainable.</summary>
    public static JsonObject Layer(string className, string name, JsonObject? settings = null)
    {
        var config = new JsonObject { ["name"] = name, ["trainable"] = true, ["dtype"] = "float32" };
        foreach (var (key, value) in settings ?? []) config[key] = value?.DeepClone();
        return new JsonObject { ["class_name"] = className, ["config"] = config };
    }
}
