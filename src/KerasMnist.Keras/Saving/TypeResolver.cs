using System.Reflection;

namespace KerasMnist.Keras.Saving;

/// <summary>
/// Maps the class names written in a model file back to types. Only public, concrete types of this library
/// that derive from the expected base, or types the caller lists in <c>custom_objects</c>, are ever created:
/// a file cannot make the loader instantiate an arbitrary type.
/// </summary>
internal sealed class TypeResolver(IReadOnlyDictionary<string, Type>? customObjects)
{
    static readonly Type[] LibraryTypes = typeof(TypeResolver).Assembly.GetExportedTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false }).ToArray();

    /// <summary>The type for <paramref name="className"/> (Keras's name) or <paramref name="registeredName"/> (the .NET full name).</summary>
    public Type Resolve(string className, string? registeredName, Type expectedBase)
    {
        if (customObjects is not null)
        {
            foreach (var key in new[] { className, registeredName })
            {
                if (key is null || !customObjects.TryGetValue(key, out var custom)) continue;
                if (!expectedBase.IsAssignableFrom(custom) || custom.IsAbstract)
                    throw new ArgumentException(
                        $"custom_objects maps '{key}' to {custom.FullName}, which is not a concrete {expectedBase.Name}.");
                return custom;
            }
        }
        var matches = LibraryTypes
            .Where(t => expectedBase.IsAssignableFrom(t) && (registeredName is null ? t.Name == className : t.FullName == registeredName))
            .ToList();
        if (matches.Count == 1) return matches[0];
        throw new InvalidDataException(
            $"Unknown {expectedBase.Name} '{className}'" + (registeredName is null ? "" : $" ({registeredName})") + ". " +
            "If it is your own class, pass it to load_model: custom_objects: new Dictionary<string, Type> " +
            $"{{ [\"{className}\"] = typeof({className}) }}.");
    }

    /// <summary>The name written for a type: its .NET full name, which <see cref="Resolve"/> accepts back.</summary>
    public static string RegisteredName(Type type) => type.FullName ?? type.Name;

    /// <summary>Whether values of <paramref name="type"/> are written as class name plus constructor arguments.</summary>
    public static bool IsConfigurable(Type type) =>
        type.Assembly == typeof(TypeResolver).Assembly && type.IsClass && type.GetConstructors(BindingFlags.Public | BindingFlags.Instance).Length > 0;
}
