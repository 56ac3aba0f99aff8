using System.Reflection;
using KerasMnist.Keras.Layers;
using KerasMnist.Keras.Models;

namespace KerasMnist.Keras.Saving;

/// <summary>
/// Maps the layer classes named in a model file to types: Keras's built-in layers (by Keras class name, including
/// the aliases Keras writes, such as <c>MaxPool2D</c> or tf.keras's <c>Model</c>) and the caller's
/// <c>custom_objects</c>. Nothing else is ever created: a file cannot make the loader instantiate an arbitrary type.
/// </summary>
internal sealed class TypeResolver(IReadOnlyDictionary<string, Type>? customObjects)
{
    /// <summary>Keras's class name of every layer this library implements, and the Python module Keras writes for it.</summary>
    static readonly Dictionary<string, Type> BuiltIn = new()
    {
        ["InputLayer"] = typeof(InputLayer), ["Dense"] = typeof(Dense), ["Conv2D"] = typeof(Conv2D),
        ["MaxPooling2D"] = typeof(MaxPooling2D), ["Flatten"] = typeof(Flatten), ["Dropout"] = typeof(Dropout),
        ["BatchNormalization"] = typeof(BatchNormalization), ["Activation"] = typeof(ActivationLayer),
        ["Softmax"] = typeof(Softmax), ["ZeroPadding2D"] = typeof(ZeroPadding2D), ["Add"] = typeof(Add),
        ["GlobalAveragePooling2D"] = typeof(GlobalAveragePooling2D), ["GlobalMaxPooling2D"] = typeof(GlobalMaxPooling2D),
        ["Reshape"] = typeof(Reshape), ["Rescaling"] = typeof(Rescaling),
        ["Sequential"] = typeof(Sequential), ["Functional"] = typeof(Functional),
    };

    /// <summary>Other names Keras versions write for the same classes.</summary>
    static readonly Dictionary<string, string> Aliases = new()
    {
        ["MaxPool2D"] = "MaxPooling2D", ["Convolution2D"] = "Conv2D", ["GlobalAvgPool2D"] = "GlobalAveragePooling2D",
        ["GlobalMaxPool2D"] = "GlobalMaxPooling2D", ["Model"] = "Functional",
    };

    /// <summary>Whether <paramref name="type"/> is one of Keras's own layer classes (written with Keras's module names).</summary>
    public static bool IsBuiltIn(Type type) => BuiltIn.ContainsValue(type);

    /// <summary>The <c>module</c> Keras 3 writes for a built-in class.</summary>
    public static string Module(Type type) =>
        type == typeof(Sequential) ? "keras" : type == typeof(Functional) ? "keras.src.models.functional" : "keras.layers";

    /// <summary>The layer type for an entry's <c>class_name</c> and <c>registered_name</c>.</summary>
    public Type Resolve(string className, string? registeredName)
    {
        if (customObjects is not null)
        {
            foreach (var key in new[] { registeredName, className })
            {
                if (key is null || !customObjects.TryGetValue(key, out var custom)) continue;
                if (!typeof(Layer).IsAssignableFrom(custom) || custom.IsAbstract)
                    throw new ArgumentException($"custom_objects maps '{key}' to {custom.FullName}, which is not a concrete Layer.");
                return custom;
            }
        }
        // Keras names its built-ins by class name (registered_name null, or "Functional"); anything registered under
        // another name is somebody's own class, even if its class name happens to be a Keras one.
        bool keras = registeredName is null || registeredName == className || registeredName == "Functional";
        if (keras && BuiltIn.TryGetValue(Aliases.GetValueOrDefault(className, className), out var type)) return type;
        throw new InvalidDataException(
            $"the model uses the layer class '{className}'" + (registeredName is null || registeredName == className ? "" : $" ({registeredName})") +
            $", which KerasMnist does not implement (it has {string.Join(", ", BuiltIn.Keys.Where(k => k is not ("Sequential" or "Functional")))}). " +
            "If it is your own class, pass it to load_model: custom_objects: new Dictionary<string, Type> " +
            $"{{ [\"{className}\"] = typeof({className}) }}.");
    }

    /// <summary>The name written for a user's own layer type: its .NET full name, which <see cref="Resolve"/> accepts via custom_objects.</summary>
    public static string RegisteredName(Type type) => type.FullName ?? type.Name;

    /// <summary>Whether values of <paramref name="type"/> are written as class name plus constructor arguments.</summary>
    public static bool IsConfigurable(Type type) =>
        type.Assembly == typeof(TypeResolver).Assembly && type.IsClass && type.GetConstructors(BindingFlags.Public | BindingFlags.Instance).Length > 0;
}
