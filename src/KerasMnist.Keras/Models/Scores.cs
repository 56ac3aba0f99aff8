using System.Globalization;

namespace KerasMnist.Keras.Models;

/// <summary>
/// What <c>model.evaluate</c> returns: <c>[loss, metric...]</c> in <c>metrics_names</c> order. Prints as the
/// notebook's <c>print(model.evaluate(ds))</c> shows the Python list of float32 values converted to Python floats:
/// <c>[0.07127314805984497, 0.9781000018119812]</c>.
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

    /// <summary>
    /// Python's repr of the list of floats Keras returns: <c>[0.07127314805984497, 0.9781000018119812]</c>. The values are
    /// float32 results held as doubles, so their shortest round-trip digits are the ones Python prints; a single value
    /// prints as a float, as evaluate returns a scalar then.
    /// </summary>
    public override string ToString() => values.Length == 1
        ? Repr(values[0])
        : "[" + string.Join(", ", values.Select(Repr)) + "]";

    /// <summary>
    /// Python's <c>repr(float)</c>: the shortest digits that round-trip, fixed notation with at least one decimal
    /// (<c>1.0</c>) for decimal exponents from -4 to 15, otherwise <c>1e-05</c> / <c>1.5e+16</c>; <c>nan</c>, <c>inf</c>.
    /// </summary>
    public static string Repr(double v)
    {
        if (double.IsNaN(v)) return "nan";
        if (double.IsInfinity(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return double.IsNegative(v) ? "-0.0" : "0.0";
        // .NET's "R" gives the same shortest round-trip digits as Python; only the layout differs.
        var r = Math.Abs(v).ToString("R", CultureInfo.InvariantCulture);
        int e = r.IndexOf('E');
        string mantissa = e < 0 ? r : r[..e];
        int exponent = e < 0 ? 0 : int.Parse(r[(e + 1)..], CultureInfo.InvariantCulture);
        int dot = mantissa.IndexOf('.');
        string digits = mantissa.Replace(".", "");
        int point = (dot < 0 ? mantissa.Length : dot) + exponent; // digits[..point] is the integer part
        int leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0') is { Length: > 0 } trimmed ? trimmed : "0";
        point -= leadingZeros;
        string sign = v < 0 ? "-" : "";
        if (point > -4 && point <= 16)
        {
            string integer = point <= 0 ? "0" : digits.PadRight(point, '0')[..point];
            string fraction = point < 0 ? new string('0', -point) + digits : digits.Length > point ? digits[point..] : "0";
            return $"{sign}{integer}.{fraction}";
        }
        string rest = digits.Length > 1 ? "." + digits[1..] : "";
        int exp = point - 1;
        return $"{sign}{digits[0]}{rest}e{(exp < 0 ? "-" : "+")}{Math.Abs(exp):D2}";
    }
}
