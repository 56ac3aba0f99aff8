using System.Text.Json.Nodes;
using KerasMnist.Keras.Layers;
using KerasMnist.Keras.Models;

namespace KerasMnist.Keras.Saving;

/// <summary>
/// A layer as Keras 3 serializes it (<c>serialize_keras_object</c>):
/// <c>{"module", "class_name", "registered_name", "config": {"name", "trainable", ...constructor arguments}}</c>.
/// Models nest: a Sequential's or functional model's config holds its layers (see <see cref="ModelGraph"/>).
/// </summary>
internal sealed class LayerSerializer
{
    readonly TypeResolver types;
    readonly ConfigCodec codec;
    readonly ModelGraph graph;

    public LayerSerializer(IReadOnlyDictionary<string, Type>? customObjects = null)
    {
        types = new TypeResolver(customObjects);
        codec = new ConfigCodec(types, this);
        graph = new ModelGraph(this);
    }

    /// <summary>The codec for non-layer objects (optimizers, losses, metrics) of the compile config.</summary>
    public ConfigCodec Codec => codec;

    public JsonObject Serialize(Layer layer)
    {
        var what = $"layer \"{layer.name}\" ({layer.ClassName})";
        var config = layer switch
        {
            Sequential s => graph.SequentialConfig(s),
            Functional f => graph.FunctionalConfig(f),
            InputLayer i => new JsonObject { ["name"] = i.name, ["batch_input_shape"] = BatchShape(i.input_shape) },
            _ => codec.Capture(layer, what),
        };
        // Keras lists name and trainable first; the constructor arguments follow in their declared order.
        var ordered = new JsonObject { ["name"] = layer.name, ["trainable"] = layer.trainable };
        foreach (var (key, value) in config)
            if (key is not ("name" or "trainable")) ordered[key] = value?.DeepClone();
        var type = layer.GetType();
        return new JsonObject
        {
            ["module"] = type.Namespace,
            ["class_name"] = layer.ClassName,
            ["registered_name"] = TypeResolver.RegisteredName(type),
            ["config"] = ordered,
        };
    }

    public Layer Deserialize(JsonObject entry)
    {
        var className = entry["class_name"]?.GetValue<string>() ?? throw new InvalidDataException("A layer entry has no \"class_name\".");
        var config = entry["config"]?.AsObject() ?? throw new InvalidDataException($"Layer entry '{className}' has no \"config\".");
        var type = types.Resolve(className, entry["registered_name"]?.GetValue<string>(), typeof(Layer));
        var name = config["name"]?.GetValue<string>() ?? throw new InvalidDataException($"A {className} config has no \"name\".");
        var what = $"layer \"{name}\" ({className})";
        Layer layer = type == typeof(Sequential) ? graph.Sequential(config, what)
            : type == typeof(Functional) ? graph.Functional(config, what)
            : type == typeof(InputLayer) ? new InputLayer(InputShape(config, what), name)
            : (Layer)codec.Create(type, config, what);
        if (config["trainable"] is JsonNode trainable) layer.RestoreTrainable(trainable.GetValue<bool>());
        return layer;
    }

    /// <summary>The shape of one example from an InputLayer config (Keras 2's <c>batch_input_shape</c>, batch first).</summary>
    public static Shape InputShape(JsonObject config, string what)
    {
        var dims = config["batch_input_shape"]?.AsArray()
            ?? throw new InvalidDataException($"The config of {what} has no \"batch_input_shape\".");
        if (dims.Count < 2 || dims[0] is not null)
            throw new InvalidDataException($"The \"batch_input_shape\" of {what} must be [null, dims...], got {dims.ToJsonString()}.");
        return new Shape(dims.Skip(1).Select(d => d?.GetValue<int>() ?? throw new InvalidDataException(
            $"Only the batch dimension of {what} may be null, got {dims.ToJsonString()}.")).ToArray());
    }

    public static JsonArray BatchShape(Shape shape) => new([null, .. shape.Dims.Select(d => (JsonNode?)JsonValue.Create(d))]);
}
