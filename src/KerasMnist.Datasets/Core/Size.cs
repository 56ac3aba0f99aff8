using System.Globalization;

namespace KerasMnist.Datasets.Core;

/// <summary>
/// A byte count that prints like <c>tfds.core.units.Size</c> (<c>11.06 MiB</c>, <c>512 bytes</c>,
/// <c>Unknown size</c> for zero).
/// </summary>
public readonly record struct Size(long bytes)
{
    private static readonly (string Name, double Bytes)[] Units =
    [
        ("PiB", Math.Pow(2, 50)), ("TiB", Math.Pow(2, 40)), ("GiB", Math.Pow(2, 30)),
        ("MiB", Math.Pow(2, 20)), ("KiB", Math.Pow(2, 10)),
    ];

    /// <summary>tfds's <c>size_str</c>: the largest binary unit with a value of at least 1, two decimals.</summary>
    public override string ToString()
    {
        if (bytes == 0)
            return "Unknown size";
        foreach (var (name, unit) in Units)
        {
            double value = bytes / unit;
            if (value >= 1.0)
                return string.Create(CultureInfo.InvariantCulture, $"{value:F2} {name}");
        }
        return string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");
    }
}
