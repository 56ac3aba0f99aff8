using System.Text.Json.Nodes;
using KerasMnist.Keras.Layers;
using KerasMnist.Keras.Models;

namespace KerasMnist.Keras.Saving;

/// <summary>
/// The architecture part of a model config, in Keras 2's form. A Sequential lists its layers, led by an
/// InputLayer entry when its input shape is known; a functional model lists every layer with its
/// <c>inbound_nodes</c> (each call's inputs as <c>[layer_name, node_index, tensor_index]</c>) plus
/// <c>input_layers</c> and <c>output_layers</c>, and is rebuilt by replaying the calls.
/// </summary>
internal sealed class ModelGraph(LayerSerializer layers)
{
    public JsonObject SequentialConfig(Sequential model)
    {
        RequireUniqueNames(model);
        var entries = new JsonArray();
        var inputShape = model.input_shape ?? model.layers.FirstOrDefault()?.BuiltInputShape;
        if (inputShape is not null)
        {
            // Keras 2 names the implicit input of a Sequential after its first layer.
            var input = new JsonObject { ["name"] = $"{model.layers[0].name}_input", ["batch_input_shape"] = LayerSerializer.BatchShape(inputShape) };
            entries.Add(new JsonObject
            {
                ["module"] = typeof(InputLayer).Namespace,
                ["class_name"] = "InputLayer",
                ["registered_name"] = TypeResolver.RegisteredName(typeof(InputLayer)),
                ["config"] = input,
            });
        }
        foreach (var layer in model.layers) entries.Add(layers.Serialize(layer));
        return new JsonObject { ["name"] = model.name, ["layers"] = entries };
    }

    public Sequential Sequential(JsonObject config, string what)
    {
        var model = new Sequential(name: config["name"]!.GetValue<string>());
        foreach (var entry in Entries(config, what))
        {
            var layer = layers.Deserialize(entry);
            try
            {
                model.add(layer);
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException($"Rebuilding {what} failed at layer \"{layer.name}\": {e.Message}", e);
            }
        }
        return model;
    }

    public JsonObject FunctionalConfig(Functional model)
    {
        RequireUniqueNames(model);
        var calls = model.Nodes.GroupBy(n => n.Layer).ToDictionary(g => g.Key, g => g.ToList());
        JsonArray Ref(KerasTensor t) => [t.Layer.name, calls[t.Layer].IndexOf(t), 0];
        var entries = new JsonArray();
        foreach (var layer in model.layers)
        {
            var entry = layers.Serialize(layer);
            entry["name"] = layer.name;
            entry["inbound_nodes"] = new JsonArray(calls[layer]
                .Where(c => c.Inputs.Count > 0)
                .Select(c => (JsonNode?)new JsonArray(c.Inputs.Select(i => (JsonNode?)Ref(i)).ToArray())).ToArray());
            entries.Add(entry);
        }
        return new JsonObject
        {
            ["name"] = model.name,
            ["layers"] = entries,
            ["input_layers"] = new JsonArray(Ref(model.inputs)),
            ["output_layers"] = new JsonArray(Ref(model.outputs)),
        };
    }

    public Functional Functional(JsonObject config, string what)
    {
        var created = new Dictionary<(string layer, int node), KerasTensor>();
        var pending = new List<(Layer layer, int node, JsonArray inputs)>();
        foreach (var entry in Entries(config, what))
        {
            var layer = layers.Deserialize(entry);
            if (layer is InputLayer input)
            {
                created[(input.name, 0)] = KerasApi.keras.layers.Input(input.input_shape, input.name);
                continue;
            }
            var nodes = entry["inbound_nodes"]?.AsArray() ?? [];
            for (int i = 0; i < nodes.Count; i++)
                pending.Add((layer, i, nodes[i]?.AsArray() ?? throw new InvalidDataException($"{what}: a call of \"{layer.name}\" is null.")));
        }
        // Calls are replayed once their inputs exist and the layer's earlier calls ran, so node indices match.
        while (pending.Count > 0)
        {
            int ready = pending.FindIndex(p => (p.node == 0 || created.ContainsKey((p.layer.name, p.node - 1))) &&
                                               p.inputs.All(r => created.ContainsKey(Key(r, what))));
            if (ready < 0)
                throw new InvalidDataException(
                    $"{what}: the calls of {string.Join(", ", pending.Select(p => $"\"{p.layer.name}\"").Distinct())} refer to inputs " +
                    "that no layer produces; the graph in the file is incomplete.");
            var (layer, node, inputs) = pending[ready];
            pending.RemoveAt(ready);
            try
            {
                created[(layer.name, node)] = layer.Apply(inputs.Select(r => created[Key(r, what)]).ToArray());
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException($"Rebuilding {what} failed at layer \"{layer.name}\": {e.Message}", e);
            }
        }
        var modelInput = Single(config, "input_layers", created, what);
        var modelOutput = Single(config, "output_layers", created, what);
        try
        {
            return new Functional(modelInput, modelOutput, config["name"]!.GetValue<string>());
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"Rebuilding {what} failed: {e.Message}", e);
        }
    }

    static KerasTensor Single(JsonObject config, string key, Dictionary<(string, int), KerasTensor> created, string what)
    {
        var refs = config[key]?.AsArray() ?? throw new InvalidDataException($"{what} has no \"{key}\".");
        if (refs.Count != 1)
            throw new InvalidDataException($"{what} has {refs.Count} {key}; KerasMnist models have exactly one input and one output.");
        return created.TryGetValue(Key(refs[0], what), out var t) ? t
            : throw new InvalidDataException($"{what}: {key} refers to {refs[0]?.ToJsonString()}, which the graph does not produce.");
    }

    static (string, int) Key(JsonNode? reference, string what)
    {
        var r = reference?.AsArray();
        if (r is null || r.Count < 2)
            throw new InvalidDataException($"{what}: a node reference must be [layer_name, node_index, tensor_index], got {reference?.ToJsonString() ?? "null"}.");
        return (r[0]?.GetValue<string>() ?? throw new InvalidDataException($"{what}: a node reference names no layer."),
            r[1]?.GetValue<int>() ?? throw new InvalidDataException($"{what}: a node reference has no node index."));
    }

    static IEnumerable<JsonObject> Entries(JsonObject config, string what) =>
        (config["layers"]?.AsArray() ?? throw new InvalidDataException($"The config of {what} has no \"layers\"."))
        .Select(e => e?.AsObject() ?? throw new InvalidDataException($"The config of {what} has a null layer entry."));

    static void RequireUniqueNames(Model model)
    {
        var duplicate = model.layers.GroupBy(l => l.name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException(
                $"Cannot save model \"{model.name}\": {duplicate.Count()} of its layers are named \"{duplicate.Key}\". " +
                "Layer names must be unique within a model; pass distinct name: arguments.");
    }
}
