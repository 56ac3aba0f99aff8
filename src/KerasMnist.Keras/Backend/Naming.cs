using System.Text.RegularExpressions;

namespace KerasMnist.Keras.Backend;

/// <summary>
/// Keras's automatic layer and model names (<c>dense</c>, <c>dense_1</c>, <c>conv2d</c>, ...), unique per
/// program run as in a Python session. Counterpart of <c>backend.unique_object_name</c>.
/// </summary>
public static partial class Naming
{
    static readonly Dictionary<string, int> counters = new();
    static readonly Lock gate = new();

    /// <summary>The next name for a prefix: the first is the bare prefix (or <c>prefix_1</c> when <paramref name="zeroBased"/> is false).</summary>
    public static string Unique(string prefix, bool zeroBased = true)
    {
        lock (gate)
        {
            counters.TryGetValue(prefix, out int n);
            counters[prefix] = n + 1;
            if (!zeroBased) return $"{prefix}_{n + 1}";
            return n == 0 ? prefix : $"{prefix}_{n}";
        }
    }

    /// <summary>Forgets every name handed out: <c>keras.backend.clear_session()</c>.</summary>
    public static void Reset()
    {
        lock (gate) counters.Clear();
    }

    /// <summary>Keras's snake_case of a class name: <c>MaxPooling2D</c> → <c>max_pooling2d</c>.</summary>
    public static string ToSnakeCase(string className)
    {
        var s = FirstPass().Replace(className, "$1_$2");
        return SecondPass().Replace(s, "$1_$2").ToLowerInvariant();
    }

    [GeneratedRegex("(.)([A-Z][a-z]+)")]
    private static partial Regex FirstPass();

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex SecondPass();
}
