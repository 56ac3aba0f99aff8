using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using KerasMnist.Keras.Activations;
using KerasMnist.Keras.Initializers;
using KerasMnist.Keras.Layers;
using KerasMnist.Keras.Regularizers;

namespace KerasMnist.Keras.Saving;

/// <summary>
/// A layer's <c>get_config</c>/<c>from_config</c> in Keras's JSON forms: built-in layers follow their
/// <see cref="LayerSchema"/>; a user's own layer's config is its constructor's arguments, read back from the public
/// properties of the same names. Values: numbers, strings, shapes and tuples as arrays, activations by name,
/// initializers and regularizers as Keras 3 objects (<c>{"module", "class_name", "config", "registered_name"}</c>);
/// on reading also the forms tf.keras 2 wrote (strings, <c>L1L2</c> with l1 = 0, <c>axis: [3]</c>, <c>padding: 2</c>).
/// </summary>
internal sealed class ConfigCodec(LayerSerializer layers, bool weightsFollow)
{
    /// <summary>Keys every layer config has, handled by the serializer, or by the model (a first layer's input shape).</summary>
    static readonly HashSet<string> Meta = ["name", "trainable", "dtype", "batch_input_shape", "batch_shape", "input_shape", "batch_size"];

    /// <summary>The public constructor with the most parameters: the one that takes every setting.</summary>
    static ConstructorInfo Constructor(Type type) =>
        type.GetConstructors(BindingFlags.Public | BindingFlags.Instance).OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
        ?? throw new NotSupportedException($"{type.Name} has no public constructor, so it cannot be saved or re-created from a config.");

    /// <summary>The settings of <paramref name="layer"/> (without name, trainable and dtype), in Keras's keys and order.</summary>
    public JsonObject Capture(Layer layer, string what)
    {
        var type = layer.GetType();
        var parameters = Constructor(type).GetParameters().Select(p => p.Name!).ToHashSet();
        var schema = LayerSchema.For(type);
        var keys = schema?.Keys ?? Constructor(type).GetParameters().Select(p => p.Name!).Where(p => p is not ("name" or "input_shape")).ToArray();
        var config = new JsonObject();
        foreach (var key in keys)
        {
            if (!parameters.Contains(key))
            {
                config[key] = schema!.Options[key].Default?.DeepClone();
                continue;
            }
            var property = type.GetProperty(key, BindingFlags.Public | BindingFlags.Instance)
                ?? throw new NotSupportedException(
                    $"Cannot save {what}: its constructor argument `{key}` is not readable back as a public property " +
                    $"`{key}` of {type.Name}. Expose it so the config can record it.");
            config[key] = ToJson(property.GetValue(layer), $"{what}, argument `{key}`");
        }
        return config;
    }

    /// <summary>Calls <paramref name="type"/>'s constructor with the settings in <paramref name="config"/>.</summary>
    public Layer Create(Type type, JsonObject config, string what)
    {
        var constructor = Constructor(type);
        var parameters = constructor.GetParameters();
        var schema = LayerSchema.For(type);
        var unknown = new List<string>();
        foreach (var (key, value) in config)
        {
            if (Meta.Contains(key) || parameters.Any(p => p.Name == key)) continue;
            if (schema is not null && schema.Options.TryGetValue(key, out var option))
            {
                if (!option.Accepts(value))
                    throw new InvalidDataException(
                        $"{what} sets `{key}` to {value?.ToJsonString() ?? "null"}, which KerasMnist does not implement " +
                        $"(it supports only {option.Default?.ToJsonString() ?? "null"}).");
                continue;
            }
            unknown.Add(key);
        }
        if (unknown.Count > 0)
            throw new InvalidDataException($"The config of {what} has arguments {type.Name} does not take: {string.Join(", ", unknown)}.");
        CheckDtype(config["dtype"], what);
        var args = parameters.Select(p =>
            p.Name == "name" ? config["name"]?.GetValue<string>()
            : config.TryGetPropertyValue(p.Name!, out var node) ? FromJson(node, p.ParameterType, $"{what}, argument `{p.Name}`")
            : p.HasDefaultValue ? p.DefaultValue
            : throw new InvalidDataException($"The config of {what} lacks the required argument `{p.Name}`.")).ToArray();
        try
        {
            return (Layer)constructor.Invoke(args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new InvalidDataException($"Re-creating {what} from its config failed: {e.InnerException.Message}", e.InnerException);
        }
    }

    /// <summary>Keras 3.1 writes a layer's dtype as a string, 3.5+ as a DTypePolicy object; this port computes in float32 only.</summary>
    public static void CheckDtype(JsonNode? dtype, string what)
    {
        var name = dtype switch
        {
            null => null,
            JsonValue v => v.GetValue<string>(),
            JsonObject o => o["config"]?["name"]?.GetValue<string>(),
            _ => dtype.ToJsonString(),
        };
        if (name is not (null or "float32"))
            throw new InvalidDataException($"{what} computes in dtype '{name}'; KerasMnist computes in float32 only.");
    }

    /// <summary>One value as JSON.</summary>
    public JsonNode? ToJson(object? value, string what) => value switch
    {
        null => null,
        bool or int or long or float or double or string => JsonValue.Create(value),
        Enum e => JsonValue.Create(e.ToString()),
        Shape s => new JsonArray(s.Dims.Select(d => (JsonNode?)JsonValue.Create(d)).ToArray()),
        Activation a => JsonValue.Create(a.name),
        SavedInitializer saved => saved.Config.DeepClone(),
        GlorotUniform => KerasObject("keras.initializers", "GlorotUniform", new JsonObject { ["seed"] = null }),
        Zeros => KerasObject("keras.initializers", "Zeros", new JsonObject()),
        Ones => KerasObject("keras.initializers", "Ones", new JsonObject()),
        L2 l2 => KerasObject("keras.regularizers", "L2", new JsonObject { ["l2"] = l2.l2 }),
        Layer l => layers.Serialize(l),
        ITuple t => new JsonArray(Enumerable.Range(0, t.Length).Select(i => ToJson(t[i], what)).ToArray()),
        Array a => new JsonArray(a.Cast<object?>().Select(v => ToJson(v, what)).ToArray()),
        _ when TypeResolver.IsConfigurable(value.GetType()) => new JsonObject
        {
            ["class_name"] = value.GetType().Name,
            ["config"] = ConstructorArguments(value, $"{what} ({value.GetType().Name})"),
        },
        _ => throw new NotSupportedException($"Cannot save {what}: values of type {value.GetType().Name} have no config form."),
    };

    /// <summary>Keras 3's form of a built-in object: <c>{"module", "class_name", "config", "registered_name": null}</c>.</summary>
    public static JsonObject KerasObject(string module, string className, JsonNode config) => new()
    {
        ["module"] = module, ["class_name"] = className, ["config"] = config, ["registered_name"] = null,
    };

    JsonObject ConstructorArguments(object obj, string what)
    {
        var config = new JsonObject();
        foreach (var p in Constructor(obj.GetType()).GetParameters())
        {
            var property = obj.GetType().GetProperty(p.Name!, BindingFlags.Public | BindingFlags.Instance)
                ?? throw new NotSupportedException($"Cannot save {what}: its constructor argument `{p.Name}` is not a public property.");
            config[p.Name!] = ToJson(property.GetValue(obj), $"{what}, argument `{p.Name}`");
        }
        return config;
    }

    /// <summary>One value of <paramref name="target"/> type from JSON.</summary>
    public object? FromJson(JsonNode? node, Type target, string what)
    {
        var type = Nullable.GetUnderlyingType(target) ?? target;
        if (node is null)
            return !type.IsValueType || type != target ? null
                : throw new InvalidDataException($"The config of {what} is null, but {type.Name} cannot be null.");
        try
        {
            // tf.keras wrote some ints as one-element lists (BatchNormalization's axis: [3]).
            if (type == typeof(int) && node is JsonArray { Count: 1 } single) return FromJson(single[0], type, what);
            if (type == typeof(bool)) return node.GetValue<bool>();
            if (type == typeof(int)) return node.GetValue<int>();
            if (type == typeof(long)) return node.GetValue<long>();
            if (type == typeof(float)) return node.GetValue<float>();
            if (type == typeof(double)) return node.GetValue<double>();
            if (type == typeof(string)) return node.GetValue<string>();
            if (type.IsEnum) return Enum.Parse(type, node.GetValue<string>());
            if (type == typeof(Shape))
                return node is JsonArray dims
                    ? new Shape(dims.Select(d => d?.GetValue<int>() ?? throw new InvalidDataException("a shape has a null dimension")).ToArray())
                    : new Shape(node.GetValue<int>());
            if (type == typeof(Activation)) return Activation.Get(FunctionName(node));
            if (type == typeof(Initializer)) return ReadInitializer(node, what);
            if (type == typeof(Regularizer)) return ReadRegularizer(node, what);
            if (typeof(Layer).IsAssignableFrom(type)) return layers.Deserialize(node.AsObject());
            if (typeof(ITuple).IsAssignableFrom(type) && type.IsValueType)
            {
                var itemTypes = type.GetGenericArguments();
                // Keras accepts one value for every item (padding=2), recursively.
                var items = node is JsonArray array ? array.ToArray() : Enumerable.Repeat(node, itemTypes.Length).ToArray();
                if (items.Length != itemTypes.Length)
                    throw new InvalidDataException($"expected {itemTypes.Length} items, found {items.Length}");
                return Activator.CreateInstance(type, items.Select((n, i) => FromJson(n, itemTypes[i], what)).ToArray());
            }
            if (type.IsArray)
            {
                var items = node.AsArray();
                var result = Array.CreateInstance(type.GetElementType()!, items.Count);
                for (int i = 0; i < items.Count; i++) result.SetValue(FromJson(items[i], type.GetElementType()!, what), i);
                return result;
            }
            var obj = node.AsObject();
            var className = obj["class_name"]?.GetValue<string>() ?? throw new InvalidDataException("an object config needs a \"class_name\"");
            throw new InvalidDataException($"{className} is not a {type.Name} KerasMnist can re-create");
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or TargetInvocationException)
        {
            throw new InvalidDataException($"The config of {what} is not a valid {type.Name}: {(e.InnerException ?? e).Message}", e);
        }
    }

    /// <summary>
    /// A function given by name: <c>"relu"</c>, or Keras 3's serialized function
    /// <c>{"module": "builtins", "class_name": "function", "config": "relu", ...}</c>.
    /// </summary>
    public static string FunctionName(JsonNode node) => node switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonObject o when o["config"] is JsonValue c => c.GetValue<string>(),
        JsonObject o when o["config"]?["name"] is JsonValue n => n.GetValue<string>(),
        _ => throw new InvalidDataException($"{node.ToJsonString()} does not name a function"),
    };

    Initializer ReadInitializer(JsonNode node, string what)
    {
        var name = node is JsonValue v ? v.GetValue<string>() : node["class_name"]?.GetValue<string>();
        switch (name)
        {
            case "GlorotUniform" or "glorot_uniform": return new GlorotUniform();
            case "Zeros" or "zeros": return new Zeros();
            case "Ones" or "ones": return new Ones();
        }
        // An initializer only draws the starting weights: a model whose weights come from the file never uses it, so
        // it is kept as written (and written back on saving) instead of refusing a model that is otherwise supported.
        if (weightsFollow) return new SavedInitializer(node.DeepClone());
        throw new InvalidDataException(
            $"{what} uses the initializer {name ?? node.ToJsonString()}, which KerasMnist does not implement (it has " +
            "glorot_uniform, zeros and ones); a model file with weights loads all the same, since they replace the initial values.");
    }

    static Regularizer ReadRegularizer(JsonNode node, string what)
    {
        var className = node is JsonValue v ? v.GetValue<string>() : node["class_name"]?.GetValue<string>();
        var config = node as JsonObject is { } o ? o["config"] as JsonObject : null;
        double l1 = config?["l1"]?.GetValue<double>() ?? 0;
        // tf.keras 2.2-2.3 wrote l2(x) as L1L2 with l1 = 0.
        if (className is "L2" or "l2" or "L1L2" && l1 == 0)
            return new L2(config?["l2"]?.GetValue<float>() ?? 0.01f);
        throw new InvalidDataException(
            $"{what} uses the regularizer {node.ToJsonString()}, which KerasMnist does not implement (it has L2); " +
            "it would change the loss and the training.");
    }
}

/// <summary>An initializer KerasMnist does not implement, read from a file whose weights replace what it would draw.</summary>
internal sealed class SavedInitializer(JsonNode config) : Initializer
{
    /// <summary>The initializer's config as the file wrote it.</summary>
    public JsonNode Config { get; } = config;

    /// <summary>Placeholder values, overwritten by the file's weights before the model is returned.</summary>
    public override TorchSharp.torch.Tensor Create(long[] shape, (long fanIn, long fanOut) fans) => TorchSharp.torch.zeros(shape);
}
