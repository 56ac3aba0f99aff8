using System.Text.Json.Nodes;
using KerasMnist.Keras.Layers;
using KerasMnist.Keras.Models;

namespace KerasMnist.Keras.Saving;

/// <summary>
/// A layer as Keras 3 serializes it (<c>serialize_keras_object</c>):
/// <c>{"module", "class_name", "config": {"name", "trainable", "dtype", ...}, "registered_name", "build_config"}</c>; read
/// back also in tf.keras 2's form (<c>{"class_name", "config"}</c>). Models nest: a Sequential's or functional model's
/// config holds its layers (see <see cref="ModelGraph"/>).
/// </summary>
internal sealed class LayerSerializer
{
    readonly TypeResolver types;
    readonly ConfigCodec codec;
    readonly ModelGraph graph;

    /// <param name="customObjects">The caller's own layer classes by name.</param>
    /// <param name="weightsFollow">Whether the model's weights are read from the file after it is rebuilt (load_model).</param>
    public LayerSerializer(IReadOnlyDictionary<string, Type>? customObjects = null, bool weightsFollow = false)
    {
        types = new TypeResolver(customObjects);
        codec = new ConfigCodec(this, weightsFollow);
        graph = new ModelGraph(this);
    }

    public JsonObject Serialize(Layer layer)
    {
        var what = $"layer \"{layer.name}\" ({layer.ClassName})";
        var type = layer.GetType();
        JsonObject config;
        if (layer is InputLayer input)
        {
            config = InputConfig(input.input_shape);
            config["name"] = input.name;
        }
        else
        {
            // Keras writes name, trainable and dtype first (a functional model has no dtype of its own).
            config = new JsonObject { ["name"] = layer.name, ["trainable"] = layer.trainable };
            if (layer is not Functional) config["dtype"] = "float32";
            var settings = layer switch
            {
                Sequential s => graph.SequentialConfig(s),
                Functional f => graph.FunctionalConfig(f),
                _ => codec.Capture(layer, what),
            };
            foreach (var (key, value) in settings) config[key] = value?.DeepClone();
        }
        bool keras = TypeResolver.IsBuiltIn(type);
        var entry = new JsonObject
        {
            ["module"] = keras ? TypeResolver.Module(type) : type.Namespace,
            ["class_name"] = layer.ClassName,
            ["config"] = config,
            ["registered_name"] = !keras ? TypeResolver.RegisteredName(type) : layer is Functional ? "Functional" : null,
        };
        if (layer is not InputLayer && (layer is Sequential sequential ? ModelGraph.InputShape(sequential) : layer.BuiltInputShape) is { } shape)
            entry["build_config"] = new JsonObject { ["input_shape"] = BatchShape(shape) };
        return entry;
    }

    /// <summary>Keras 3.1's InputLayer config: <c>batch_shape</c> with a null batch, dtype, sparse (name added by the caller).</summary>
    public static JsonObject InputConfig(Shape shape) => new() { ["batch_shape"] = BatchShape(shape), ["dtype"] = "float32", ["sparse"] = false };

    public Layer Deserialize(JsonObject entry)
    {
        var className = entry["class_name"]?.GetValue<string>() ?? throw new InvalidDataException("A layer entry has no \"class_name\".");
        // Keras before 2.2 wrote a Sequential's config as the bare list of its layers.
        var config = entry["config"] is JsonArray bare ? new JsonObject { ["layers"] = bare.DeepClone() }
            : entry["config"] as JsonObject ?? throw new InvalidDataException($"Layer entry '{className}' has no \"config\".");
        var type = types.Resolve(className, entry["registered_name"]?.GetValue<string>());
        var name = config["name"]?.GetValue<string>() ?? entry["name"]?.GetValue<string>()
            ?? throw new InvalidDataException($"A {className} config has no \"name\".");
        var what = $"layer \"{name}\" ({className})";
        Layer layer = type == typeof(Sequential) ? graph.Sequential(config, entry["build_config"]?["input_shape"], what)
            : type == typeof(Functional) ? graph.Functional(config, what)
            : type == typeof(InputLayer) ? new InputLayer(InputShape(config, what) ?? throw new InvalidDataException(
                $"The config of {what} has no \"batch_shape\" or \"batch_input_shape\"."), name)
            : codec.Create(type, config, what);
        if (config["trainable"] is JsonNode trainable) layer.RestoreTrainable(trainable.GetValue<bool>());
        return layer;
    }

    /// <summary>
    /// The shape of one example a config declares as its input: Keras 3's <c>batch_shape</c>, tf.keras's
    /// <c>batch_input_shape</c> or <c>input_shape</c>; the batch size (None, or fixed in some tf.keras files) is dropped,
    /// as this port feeds any batch size. Null when the config declares none.
    /// </summary>
    public static Shape? InputShape(JsonObject config, string what)
    {
        var checkedKeys = new[] { "sparse", "ragged", "optional" };
        foreach (var key in checkedKeys)
            if (config[key] is JsonValue flag && flag.GetValue<bool>())
                throw new InvalidDataException($"{what} declares a {key} input, which KerasMnist does not implement.");
        ConfigCodec.CheckDtype(config["dtype"], what);
        if (config["batch_shape"] is JsonArray batchShape) return Dims(batchShape.Skip(1), batchShape, what);
        if (config["batch_input_shape"] is JsonArray batchInputShape) return Dims(batchInputShape.Skip(1), batchInputShape, what);
        if (config["input_shape"] is JsonArray inputShape) return Dims(inputShape, inputShape, what);
        return null;
    }

    static Shape Dims(IEnumerable<JsonNode?> dims, JsonArray all, string what)
    {
        var values = dims.ToList();
        if (values.Count == 0 || values.Any(d => d is null))
            throw new InvalidDataException(
                $"The input shape of {what} is {all.ToJsonString()}; KerasMnist needs every dimension but the batch to be known.");
        return new Shape(values.Select(d => d!.GetValue<int>()).ToArray());
    }

    public static JsonArray BatchShape(Shape shape) => new([null, .. shape.Dims.Select(d => (JsonNode?)JsonValue.Create(d))]);
}
