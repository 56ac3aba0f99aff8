using System.Text.Json.Nodes;
using KerasMnist.Keras.Layers;
using KerasMnist.Keras.Models;

namespace KerasMnist.Keras.Saving;

/// <summary>
/// The architecture part of a model config. Written as Keras 3 writes it: a Sequential lists its layers led by an
/// InputLayer entry when its input shape is known, plus <c>build_input_shape</c>; a functional model lists every layer
/// (in Keras's order) with its <c>inbound_nodes</c>, each call as <c>{"args": [tensor], "kwargs": {}}</c> where a tensor
/// is <c>{"class_name": "__keras_tensor__", "config": {"shape", "dtype", "keras_history": [layer, node, 0]}}</c>, plus
/// <c>input_layers</c> and <c>output_layers</c>. Read in that form and in tf.keras 2's (calls as
/// <c>[[layer, node, tensor, kwargs], ...]</c>, a Sequential's input shape on its first layer); rebuilt by replaying the calls.
/// </summary>
internal sealed class ModelGraph(LayerSerializer layers)
{
    public JsonObject SequentialConfig(Sequential model)
    {
        RequireUniqueNames(model);
        var entries = new JsonArray();
        var inputShape = InputShape(model);
        if (inputShape is not null)
        {
            var input = LayerSerializer.InputConfig(inputShape);
            // Keras 2 named the implicit input of a Sequential after its first layer.
            input["name"] = $"{model.layers[0].name}_input";
            entries.Add(new JsonObject
            {
                ["module"] = TypeResolver.Module(typeof(InputLayer)), ["class_name"] = "InputLayer", ["config"] = input, ["registered_name"] = null,
            });
        }
        foreach (var layer in model.layers) entries.Add(layers.Serialize(layer));
        var config = new JsonObject { ["layers"] = entries };
        if (inputShape is not null) config["build_input_shape"] = LayerSerializer.BatchShape(inputShape);
        return config;
    }

    /// <summary>The input shape of a Sequential that knows it (built, or built layers), else null.</summary>
    public static Shape? InputShape(Sequential model) => model.input_shape ?? model.layers.FirstOrDefault()?.BuiltInputShape;

    /// <summary>Rebuilds a Sequential; its input shape comes from an InputLayer entry, the first layer's config or the build config.</summary>
    public Sequential Sequential(JsonObject config, JsonNode? buildInputShape, string what)
    {
        var model = new Sequential(name: config["name"]?.GetValue<string>());
        var entries = Entries(config["layers"], what).ToList();
        var first = entries.FirstOrDefault();
        if (first is not null && first["class_name"]?.GetValue<string>() != "InputLayer")
        {
            var declared = first["config"] is JsonObject c ? LayerSerializer.InputShape(c, what) : null;
            var built = (config["build_input_shape"] ?? buildInputShape) is JsonArray shape
                ? LayerSerializer.InputShape(new JsonObject { ["batch_shape"] = shape.DeepClone() }, what) : null;
            if ((declared ?? built) is { } inputShape) Add(model, new InputLayer(inputShape), what);
        }
        foreach (var entry in entries) Add(model, layers.Deserialize(entry), what);
        // Built for its input, as Keras's loaded models are: input_shape and output_shape are known (e.g. (28, 28) vs (28, 28, 1)).
        if (InputShape(model) is { } known) model.Build(known);
        return model;
    }

    static void Add(Sequential model, Layer layer, string what)
    {
        try
        {
            model.add(layer);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"Rebuilding {what} failed at layer \"{layer.name}\": {e.Message}", e);
        }
    }

    public JsonObject FunctionalConfig(Functional model)
    {
        RequireUniqueNames(model);
        var calls = model.Nodes.GroupBy(n => n.Layer).ToDictionary(g => g.Key, g => g.ToList());
        JsonArray History(KerasTensor t) => [t.Layer.name, calls[t.Layer].IndexOf(t) + (t.Layer is Functional ? 1 : 0), 0];
        JsonObject Tensor(KerasTensor t) => new()
        {
            ["class_name"] = "__keras_tensor__",
            ["config"] = new JsonObject { ["shape"] = LayerSerializer.BatchShape(t.shape), ["dtype"] = "float32", ["keras_history"] = History(t) },
        };
        var entries = new JsonArray();
        foreach (var layer in model.layers)
        {
            var entry = layers.Serialize(layer);
            entry["name"] = layer.name;
            entry["inbound_nodes"] = new JsonArray(calls[layer].Where(c => c.Inputs.Count > 0).Select(c => (JsonNode?)new JsonObject
            {
                ["args"] = new JsonArray(c.Inputs.Count == 1
                    ? Tensor(c.Inputs[0])
                    : new JsonArray(c.Inputs.Select(i => (JsonNode?)Tensor(i)).ToArray())),
                ["kwargs"] = new JsonObject(),
            }).ToArray());
            entries.Add(entry);
        }
        return new JsonObject
        {
            ["layers"] = entries,
            ["input_layers"] = History(model.inputs),
            ["output_layers"] = History(model.outputs),
        };
    }

    public Functional Functional(JsonObject config, string what)
    {
        var created = new Dictionary<(string layer, int node), KerasTensor>();
        var byName = new Dictionary<string, Layer>();
        var pending = new List<(Layer layer, int node, List<(string, int)> inputs)>();
        foreach (var entry in Entries(config["layers"], what))
        {
            var layer = layers.Deserialize(entry);
            byName[layer.name] = layer;
            if (layer is InputLayer input)
            {
                created[(input.name, 0)] = KerasApi.keras.layers.Input(input.input_shape, input.name);
                continue;
            }
            var nodes = entry["inbound_nodes"]?.AsArray() ?? [];
            for (int i = 0; i < nodes.Count; i++) pending.Add((layer, i, Inputs(nodes[i], layer.name, what)));
        }
        (string, int) Key((string name, int node) reference) =>
            byName.GetValueOrDefault(reference.name) is Functional ? (reference.name, reference.node - 1) : reference;
        // Calls are replayed once their inputs exist and the layer's earlier calls ran, so node indices match.
        while (pending.Count > 0)
        {
            int ready = pending.FindIndex(p => (p.node == 0 || created.ContainsKey((p.layer.name, p.node - 1))) &&
                                               p.inputs.All(r => created.ContainsKey(Key(r))));
            if (ready < 0)
                throw new InvalidDataException(
                    $"{what}: the calls of {string.Join(", ", pending.Select(p => $"\"{p.layer.name}\"").Distinct())} refer to inputs " +
                    "that no layer produces; the graph in the file is incomplete.");
            var (layer, node, inputs) = pending[ready];
            pending.RemoveAt(ready);
            try
            {
                created[(layer.name, node)] = layer.Apply(inputs.Select(r => created[Key(r)]).ToArray());
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException($"Rebuilding {what} failed at layer \"{layer.name}\": {e.Message}", e);
            }
        }
        var modelInput = Single(config, "input_layers", r => created.GetValueOrDefault(Key(r)), what);
        var modelOutput = Single(config, "output_layers", r => created.GetValueOrDefault(Key(r)), what);
        try
        {
            return new Functional(modelInput, modelOutput, config["name"]?.GetValue<string>());
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"Rebuilding {what} failed: {e.Message}", e);
        }
    }

    /// <summary>The tensors one call consumed, in either format; keyword arguments other than empty ones are not supported.</summary>
    static List<(string, int)> Inputs(JsonNode? call, string layer, string what)
    {
        var refs = new List<(string, int)>();
        if (call is JsonObject keras3)
        {
            if (keras3["kwargs"] is JsonObject kwargs && kwargs.Any(kv => kv.Value is not null))
                throw new InvalidDataException(
                    $"{what}: layer \"{layer}\" is called with {kwargs.ToJsonString()}; KerasMnist supports calls on tensors only.");
            Collect(keras3["args"], refs, what);
        }
        else if (call is JsonArray legacy)
        {
            foreach (var item in legacy)
            {
                var r = item?.AsArray() ?? throw new InvalidDataException($"{what}: a call of \"{layer}\" has a null input.");
                if (r.Count > 3 && r[3] is JsonObject kwargs && kwargs.Any(kv => kv.Value is not null))
                    throw new InvalidDataException(
                        $"{what}: layer \"{layer}\" is called with {kwargs.ToJsonString()}; KerasMnist supports calls on tensors only.");
                refs.Add(Reference(r, what));
            }
        }
        else throw new InvalidDataException($"{what}: a call of \"{layer}\" is {call?.ToJsonString() ?? "null"}, not a list of inputs.");
        return refs;
    }

    static void Collect(JsonNode? node, List<(string, int)> refs, string what)
    {
        switch (node)
        {
            case JsonObject t when t["class_name"]?.GetValue<string>() == "__keras_tensor__":
                refs.Add(Reference(t["config"]?["keras_history"] as JsonArray, what));
                break;
            case JsonArray list:
                foreach (var item in list) Collect(item, refs, what);
                break;
            case null:
                break;
            default:
                throw new InvalidDataException($"{what}: a layer is called with the argument {node.ToJsonString()}; KerasMnist supports tensors only.");
        }
    }

    static KerasTensor Single(JsonObject config, string key, Func<(string, int), KerasTensor?> find, string what)
    {
        var refs = config[key] as JsonArray ?? throw new InvalidDataException($"{what} has no \"{key}\".");
        // Keras 3 writes a single tensor as [name, node, tensor]; tf.keras as [[name, node, tensor]].
        var list = refs.Count > 0 && refs[0] is JsonValue ? [refs] : refs.Select(r => r as JsonArray).ToList();
        if (list.Count != 1)
            throw new InvalidDataException($"{what} has {list.Count} {key}; KerasMnist models have exactly one input and one output.");
        var reference = Reference(list[0], what);
        return find(reference) ?? throw new InvalidDataException($"{what}: {key} refers to {list[0]?.ToJsonString()}, which the graph does not produce.");
    }

    static (string, int) Reference(JsonArray? r, string what)
    {
        if (r is null || r.Count < 3)
            throw new InvalidDataException($"{what}: a tensor reference must be [layer_name, node_index, tensor_index], got {r?.ToJsonString() ?? "null"}.");
        if (r[2]?.GetValue<int>() != 0)
            throw new InvalidDataException($"{what}: {r.ToJsonString()} refers to a layer's second output; KerasMnist layers have one.");
        return (r[0]?.GetValue<string>() ?? throw new InvalidDataException($"{what}: a tensor reference names no layer."),
            r[1]?.GetValue<int>() ?? throw new InvalidDataException($"{what}: a tensor reference has no node index."));
    }

    static IEnumerable<JsonObject> Entries(JsonNode? list, string what) =>
        (list as JsonArray ?? throw new InvalidDataException($"The config of {what} has no \"layers\" list."))
        .Select(e => e as JsonObject ?? throw new InvalidDataException($"The config of {what} has a null layer entry."));

    static void RequireUniqueNames(Model model)
    {
        var duplicate = model.layers.GroupBy(l => l.name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException(
                $"Cannot save model \"{model.name}\": {duplicate.Count()} of its layers are named \"{duplicate.Key}\". " +
                "Layer names must be unique within a model; pass distinct name: arguments.");
    }
}
