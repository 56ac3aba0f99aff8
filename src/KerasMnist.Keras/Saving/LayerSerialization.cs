using System.Text.Json.Nodes;
using KerasMnist.Keras.Layers;

namespace KerasMnist.Keras.Saving;

/// <summary>
/// <c>keras.layers.serialize</c> / <c>keras.layers.deserialize</c> and <c>layer.get_config()</c>. A layer's config
/// is its constructor's arguments, read from the public properties of the same names, so any layer whose
/// settings are exposed that way can be saved and re-created; models include their layers and graph.
/// </summary>
public static class LayerSerialization
{
    /// <summary>
    /// <c>keras.layers.serialize(layer)</c>:
    /// <c>{"module", "class_name", "config", "registered_name", "build_config"}</c> (Keras 3's form). Throws <see cref="NotSupportedException"/>
    /// naming the argument when a constructor argument is not readable back.
    /// </summary>
    public static JsonObject serialize(Layer layer) => new LayerSerializer().Serialize(layer);

    /// <summary>
    /// <c>keras.layers.deserialize(config, custom_objects)</c>: a new layer (or model, with fresh weights) from
    /// <see cref="serialize"/>'s output. <paramref name="custom_objects"/> maps class names of your own layers to types.
    /// </summary>
    public static Layer deserialize(JsonObject config, IReadOnlyDictionary<string, Type>? custom_objects = null) =>
        // A round trip through text gives every value the same JSON form it has when read from a file.
        new LayerSerializer(custom_objects).Deserialize(JsonNode.Parse(config.ToJsonString())!.AsObject());

    /// <summary><c>layer.get_config()</c>: the <c>config</c> part of <see cref="serialize"/> (name, trainable, arguments).</summary>
    public static JsonObject get_config(this Layer layer) => serialize(layer)["config"]!.AsObject();
}
