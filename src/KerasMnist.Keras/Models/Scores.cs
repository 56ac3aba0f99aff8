using System.Globalization;

namespace KerasMnist.Keras.Models;

/// <summary>
/// What <c>model.evaluate</c> returns: <c>[loss, metric...]</c> in <c>metrics_names</c> order. Prints as the
/// notebook's <c>print(model.evaluate(ds))</c> shows the Python list: <c>[0.0713, 0.9781]</c> (shortest round-trip digits).
/// </summary>
public sealed class Scores : IReadOnlyList<double>
{
    readonly double[] values;

    internal Scores(IReadOnlyList<string> names, double[] values)
    {
        this.names = names;
        this.values = values;
    }

    /// <summary>The key of each value: <c>loss</c>, then metric names.</summary>
    public IReadOnlyList<string> names { get; }

    /// <inheritdoc/>
    public double this[int index] => values[index];

    /// <summary>The value for a key (<c>"loss"</c>, <c>"sparse_categorical_accuracy"</c>).</summary>
    public double this[string name] => values[names.ToList().IndexOf(name) is var i and >= 0 ? i
        : throw new KeyNotFoundException($"No '{name}' in evaluate's results; keys: {string.Join(", ", names)}.")];

    /// <inheritdoc/>
    public int Count => values.Length;

    /// <summary><c>return_dict=True</c>: keys to values.</summary>
    public IReadOnlyDictionary<string, double> AsDictionary() => names.Zip(values).ToDictionary(p => p.First, p => p.Second);

    /// <inheritdoc/>
    public IEnumerator<double> GetEnumerator() => ((IEnumerable<double>)values).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Python's list repr: <c>[0.07127, 0.9781]</c>; a single value prints as a float, as evaluate returns a scalar then.</summary>
    public override string ToString() => values.Length == 1
        ? Repr(values[0])
        : "[" + string.Join(", ", values.Select(Repr)) + "]";

    static string Repr(double v) => v.ToString("R", CultureInfo.InvariantCulture) is var s && !s.Contains('.') && !s.Contains('E') && double.IsFinite(v) ? s + ".0" : s;
}
