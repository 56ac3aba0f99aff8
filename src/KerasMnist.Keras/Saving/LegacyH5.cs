using System.Text.Json;
using System.Text.Json.Nodes;
using KerasMnist.Keras.Backend;
using KerasMnist.Keras.Layers;
using KerasMnist.Keras.Models;
using PureHDF;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Saving;

/// <summary>
/// tf.keras 2's HDF5 model file (<c>model.save("x.h5")</c>), as Keras 3's <c>legacy_h5_format</c> reads it: root
/// attributes <c>model_config</c> (the architecture as JSON), <c>training_config</c> (the compile arguments),
/// <c>keras_version</c> and <c>backend</c>; the weights in <c>model_weights</c>, one group per layer listed in its
/// <c>layer_names</c> attribute, each with a <c>weight_names</c> attribute giving the datasets
/// (<c>conv2d/kernel:0</c>) in the layer's order, trainable weights first. Weights are matched to the model's layers in
/// order, as Keras does. The same layout at a file's root is tf.keras's <c>save_weights("x.h5")</c>.
/// The optimizer's state (<c>optimizer_weights</c>) is not restored: a loaded model's Adam starts afresh.
/// </summary>
internal static class LegacyH5
{
    /// <summary>Whether an open HDF5 file is a tf.keras model file.</summary>
    public static bool IsModel(IH5Group root, string what) => Hdf5.Guard(() => root.AttributeExists("model_config"), what);

    /// <summary>Whether an open HDF5 file holds tf.keras weights at its root (<c>save_weights</c>).</summary>
    public static bool IsWeights(IH5Group root, string what) => Hdf5.Guard(() => root.AttributeExists("layer_names"), what);

    public static Model LoadModel(IH5Group root, IReadOnlyDictionary<string, Type>? customObjects, bool compile, string what)
    {
        var version = Hdf5.StringAttribute(root, "keras_version", what);
        if (version is not null && KerasArchive.Major(version) >= 3)
            throw new InvalidDataException(
                $"it is an HDF5 model file of Keras {version}; KerasMnist reads the .h5 files of tf.keras 2 and the .keras files of Keras 3.");
        var modelConfig = Json(Hdf5.StringAttribute(root, "model_config", what), "model_config", what)
            ?? throw new InvalidDataException("it is an HDF5 file without a model_config attribute, so not a Keras model file.");
        var model = new LayerSerializer(customObjects, weightsFollow: true).Deserialize(modelConfig) as Model
            ?? throw new InvalidDataException("its model_config describes a single layer, not a model.");
        var weights = Hdf5.Group(root, "model_weights", what)
            ?? throw new InvalidDataException("it has a model_config but no model_weights group: the weights are missing.");
        ReadWeights(model, weights, what);
        if (compile && Json(Hdf5.StringAttribute(root, "training_config", what), "training_config", what) is { } training)
            CompileConfig.Apply(model, training, what);
        return model;
    }

    static JsonObject? Json(string? text, string attribute, string what)
    {
        if (text is null) return null;
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new InvalidDataException($"its {attribute} attribute is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"its {attribute} attribute is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>
    /// Assigns the weights of a tf.keras layout (<paramref name="group"/>: <c>model_weights</c>, or a weights file's root)
    /// to <paramref name="model"/>; everything is checked before anything is assigned.
    /// </summary>
    public static void ReadWeights(Model model, IH5Group group, string what)
    {
        var names = Hdf5.StringListAttribute(group, "layer_names", what)
            ?? throw new InvalidDataException($"{what} has no layer_names attribute where tf.keras keeps its weights.");
        var fileLayers = new List<(string name, IH5Group group, string[] weights)>();
        foreach (var name in names)
        {
            var layerGroup = Hdf5.Group(group, name, what)
                ?? throw new InvalidDataException($"{what} lists the layer \"{name}\" in layer_names but has no group for it.");
            var weightNames = Hdf5.StringListAttribute(layerGroup, "weight_names", what) ?? [];
            if (weightNames.Length > 0) fileLayers.Add((name, layerGroup, weightNames));
        }
        // tf.keras's own order for a layer's weights: trainable first (a nested model: all of its layers' trainable ones).
        var modelLayers = model.layers.Distinct().Select(l => (layer: l, weights: l.trainable_weights.Concat(l.non_trainable_weights).ToList()))
            .Where(l => l.weights.Count > 0).ToList();
        if (fileLayers.Count != modelLayers.Count)
            throw new InvalidDataException(
                $"{what} holds weights for {fileLayers.Count} layers ({string.Join(", ", fileLayers.Select(l => l.name))}), but the model has " +
                $"{modelLayers.Count} layers with weights ({string.Join(", ", modelLayers.Select(l => l.layer.name))}).");
        var assignments = new List<(Variable variable, Tensor value)>();
        for (int i = 0; i < fileLayers.Count; i++)
        {
            var (name, layerGroup, weightNames) = fileLayers[i];
            var (layer, variables) = modelLayers[i];
            if (weightNames.Length != variables.Count)
                throw new InvalidDataException(
                    $"{what} has {weightNames.Length} weights for layer \"{name}\", but the model's layer \"{layer.name}\" ({layer.ClassName}) has {variables.Count}.");
            for (int k = 0; k < variables.Count; k++)
            {
                var where = $"{what}, {name}/{weightNames[k]}";
                var dataset = Hdf5.Guard(() => layerGroup.Get(weightNames[k]) as IH5Dataset, where)
                    ?? throw new InvalidDataException($"{where} is not a dataset.");
                var shape = Hdf5.Shape(dataset);
                if (!shape.SequenceEqual(variables[k].shape))
                    throw new InvalidDataException(
                        $"{where} has shape ({string.Join(", ", shape)}), but layer \"{layer.name}\" needs ({string.Join(", ", variables[k].shape)}) " +
                        $"for {variables[k].Name}: the weights do not fit the architecture.");
                assignments.Add((variables[k], Hdf5.ReadFloat(dataset, where)));
            }
        }
        foreach (var (variable, value) in assignments)
        {
            variable.assign(value);
            value.Dispose();
        }
    }
}
