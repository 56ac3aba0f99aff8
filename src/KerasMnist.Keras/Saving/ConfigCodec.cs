using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using KerasMnist.Keras.Activations;
using KerasMnist.Keras.Layers;

namespace KerasMnist.Keras.Saving;

/// <summary>
/// Keras's default <c>get_config</c>/<c>from_config</c>: an object's config is its constructor's arguments,
/// read back from the public properties of the same names (<c>units</c>, <c>activation</c>, <c>kernel_size</c>, ...),
/// and <c>from_config</c> calls that constructor again. Values become JSON: numbers, strings, shapes and tuples as
/// arrays, activations by name, initializers/regularizers/optimizers as <c>{"class_name", "config"}</c>.
/// </summary>
internal sealed class ConfigCodec(TypeResolver types, LayerSerializer layers)
{
    /// <summary>Constructor arguments a model records itself (a layer's <c>input_shape</c> becomes the model's input).</summary>
    static readonly HashSet<string> ModelLevel = ["input_shape"];

    /// <summary>Config keys every layer has, whether or not its constructor takes them.</summary>
    static readonly HashSet<string> Meta = ["trainable", "name"];

    /// <summary>The public constructor with the most parameters: the one that takes every setting.</summary>
    static ConstructorInfo Constructor(Type type) =>
        type.GetConstructors(BindingFlags.Public | BindingFlags.Instance).OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
        ?? throw new NotSupportedException($"{type.Name} has no public constructor, so it cannot be saved or re-created from a config.");

    /// <summary>The constructor arguments of <paramref name="obj"/> as a config.</summary>
    public JsonObject Capture(object obj, string what)
    {
        var type = obj.GetType();
        var config = new JsonObject();
        foreach (var p in Constructor(type).GetParameters())
        {
            if (ModelLevel.Contains(p.Name!)) continue;
            var property = type.GetProperty(p.Name!, BindingFlags.Public | BindingFlags.Instance)
                ?? throw new NotSupportedException(
                    $"Cannot save {what}: its constructor argument `{p.Name}` is not readable back as a public property " +
                    $"`{p.Name}` of {type.Name}. Expose it so the config can record it.");
            config[p.Name!] = ToJson(property.GetValue(obj), $"{what}, argument `{p.Name}`");
        }
        return config;
    }

    /// <summary>Calls <paramref name="type"/>'s constructor with the arguments in <paramref name="config"/>.</summary>
    public object Create(Type type, JsonObject config, string what)
    {
        var parameters = Constructor(type).GetParameters();
        var unknown = config.Select(kv => kv.Key).Where(k => !Meta.Contains(k) && parameters.All(p => p.Name != k)).ToList();
        if (unknown.Count > 0)
            throw new InvalidDataException($"The config of {what} has arguments {type.Name} does not take: {string.Join(", ", unknown)}.");
        var args = parameters.Select(p =>
            config.TryGetPropertyValue(p.Name!, out var node) ? FromJson(node, p.ParameterType, $"{what}, argument `{p.Name}`")
            : p.HasDefaultValue ? p.DefaultValue
            : throw new InvalidDataException($"The config of {what} lacks the required argument `{p.Name}`.")).ToArray();
        try
        {
            return Constructor(type).Invoke(args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new InvalidDataException($"Re-creating {what} from its config failed: {e.InnerException.Message}", e.InnerException);
        }
    }

    /// <summary>One value as JSON.</summary>
    public JsonNode? ToJson(object? value, string what) => value switch
    {
        null => null,
        bool or int or long or float or double or string => JsonValue.Create(value),
        Enum e => JsonValue.Create(e.ToString()),
        Shape s => new JsonArray(s.Dims.Select(d => (JsonNode?)JsonValue.Create(d)).ToArray()),
        Activation a => JsonValue.Create(a.name),
        Layer l => layers.Serialize(l),
        ITuple t => new JsonArray(Enumerable.Range(0, t.Length).Select(i => ToJson(t[i], what)).ToArray()),
        Array a => new JsonArray(a.Cast<object?>().Select(v => ToJson(v, what)).ToArray()),
        _ when TypeResolver.IsConfigurable(value.GetType()) => new JsonObject
        {
            ["class_name"] = value.GetType().Name,
            ["config"] = Capture(value, $"{what} ({value.GetType().Name})"),
        },
        _ => throw new NotSupportedException($"Cannot save {what}: values of type {value.GetType().Name} have no config form."),
    };

    /// <summary>One value of <paramref name="target"/> type from JSON.</summary>
    public object? FromJson(JsonNode? node, Type target, string what)
    {
        var type = Nullable.GetUnderlyingType(target) ?? target;
        if (node is null)
            return !type.IsValueType || type != target ? null
                : throw new InvalidDataException($"The config of {what} is null, but {type.Name} cannot be null.");
        try
        {
            if (type == typeof(bool)) return node.GetValue<bool>();
            if (type == typeof(int)) return node.GetValue<int>();
            if (type == typeof(long)) return node.GetValue<long>();
            if (type == typeof(float)) return node.GetValue<float>();
            if (type == typeof(double)) return node.GetValue<double>();
            if (type == typeof(string)) return node.GetValue<string>();
            if (type.IsEnum) return Enum.Parse(type, node.GetValue<string>());
            if (type == typeof(Shape))
                return new Shape(node.AsArray().Select(d => d?.GetValue<int>() ?? throw new InvalidDataException("a shape has a null dimension")).ToArray());
            if (type == typeof(Activation)) return Activation.Get(node.GetValue<string>());
            if (typeof(Layer).IsAssignableFrom(type)) return layers.Deserialize(node.AsObject());
            if (typeof(ITuple).IsAssignableFrom(type) && type.IsValueType)
            {
                var items = node.AsArray();
                var itemTypes = type.GetGenericArguments();
                if (items.Count != itemTypes.Length)
                    throw new InvalidDataException($"expected {itemTypes.Length} items, found {items.Count}");
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
            var className = obj["class_name"]?.GetValue<string>()
                ?? throw new InvalidDataException("an object config needs a \"class_name\"");
            var concrete = types.Resolve(className, null, type);
            return Create(concrete, obj["config"]?.AsObject() ?? new JsonObject(), $"{what} ({className})");
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or TargetInvocationException)
        {
            throw new InvalidDataException($"The config of {what} is not a valid {type.Name}: {(e.InnerException ?? e).Message}", e);
        }
    }
}
