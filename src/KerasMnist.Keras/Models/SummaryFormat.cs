using System.Numerics;

namespace KerasMnist.Keras.Models;

/// <summary>
/// The text layout of tf.keras 2's <c>print_summary</c> (<c>layer_utils.py</c>): fixed-width columns,
/// cells cut and wrapped onto continuation lines, and <c>readable_memory_size</c>.
/// </summary>
internal static class SummaryFormat
{
    // Keras breaks a cell early just after the end of a tuple or list element, so wrapped shapes and
    // connection lists split between items rather than mid-name.
    static readonly string[] LineBreaks = ["),", "},", "],", "',"];

    /// <summary>Column end positions: relative ones (the last ≤ 1) scale by the line length, as Keras truncates them.</summary>
    public static int[] Resolve(float[] positions, int lineLength, int columns)
    {
        if (positions.Length != columns)
            throw new ArgumentException(
                $"summary() needs {columns} positions (one end per column), got {positions.Length}: [{string.Join(", ", positions)}].");
        var ends = positions[^1] <= 1
            ? positions.Select(p => (int)(lineLength * (double)p)).ToArray()
            : positions.Select(p => (int)p).ToArray();
        for (int col = 0; col < ends.Length; col++)
        {
            int start = col > 0 ? ends[col - 1] : 0;
            bool last = col == ends.Length - 1;
            // A column must keep room for at least one character, or wrapping would never consume its text.
            if (ends[col] - start - (last ? 0 : 3) < 1)
                throw new ArgumentException(
                    $"summary() positions [{string.Join(", ", ends)}] leave column {col + 1} no room for text; " +
                    "use a larger line_length or wider positions.");
        }
        return ends;
    }

    /// <summary>The lines of one table row: each cell cut at its column width, the rest wrapped onto further lines.</summary>
    public static IEnumerable<string> Row(IReadOnlyList<string> fields, int[] positions)
    {
        var left = fields.ToArray();
        while (left.Any(s => s.Length > 0))
        {
            var line = new System.Text.StringBuilder();
            for (int col = 0; col < left.Length; col++)
            {
                int start = col > 0 ? positions[col - 1] : 0;
                bool last = col == positions.Length - 1;
                int space = last ? 0 : 2;
                int cutoff = positions[col] - start - space - (last ? 0 : 1);
                var fit = left[col][..Math.Min(cutoff, left[col].Length)];
                var breaks = LineBreaks.Select(b => fit.IndexOf(b, StringComparison.Ordinal) is var i and >= 0 ? i + b.Length : -1)
                    .Where(i => i >= 0).ToList();
                if (breaks.Count > 0)
                {
                    cutoff = breaks.Min();
                    fit = fit[..cutoff];
                }
                if (col == 0) line.Append(' ');
                line.Append(fit).Append(' ', space);
                left[col] = left[col][Math.Min(cutoff, left[col].Length)..];
                if (positions[col] > line.Length) line.Append(' ', positions[col] - line.Length);
            }
            yield return line.ToString();
        }
    }

    /// <summary>
    /// Keras's <c>readable_memory_size</c>: the largest unit (Byte, KB, MB, ... in steps of 1024) that keeps the
    /// value at least 1, two decimals rounded half-to-even on the exact value, as Python's <c>{:.2f}</c> does.
    /// </summary>
    public static string ReadableMemorySize(long bytes)
    {
        string[] units = ["Byte", "KB", "MB", "GB", "TB", "PB"];
        BigInteger scale = 1;
        int unit = 0;
        while (unit < units.Length - 1 && bytes >= scale * 1024)
        {
            scale *= 1024;
            unit++;
        }
        var hundredths = BigInteger.DivRem(new BigInteger(bytes) * 100, scale, out var remainder);
        var twice = remainder * 2;
        if (twice > scale || (twice == scale && !hundredths.IsEven)) hundredths++;
        return $"{(long)(hundredths / 100)}.{(long)(hundredths % 100):D2} {units[unit]}";
    }

    /// <summary>Python's <c>str(list_of_str)</c>: <c>['input_1[0][0]', 'dense[0][0]']</c>.</summary>
    public static string PythonList(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(i => $"'{i}'")) + "]";
}
