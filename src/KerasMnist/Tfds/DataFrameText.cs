using System.Globalization;
using System.Text;
using KerasMnist.Datasets.Core;
using Microsoft.Data.Analysis;
using Microsoft.ML.Data;

namespace KerasMnist.Tfds;

/// <summary>
/// pandas 1.5's <c>to_string</c> text for a tfds frame: index left-aligned, columns right-aligned and two spaces apart,
/// one line per row. An image cell is summarised on one line (<c>uint8 (28, 28, 1) min=0 max=255 mean=35.1</c>), a
/// label prints as its integer (<c>7</c>) as pandas prints it (tfds's <c>7 (7)</c> is its HTML rendering only). A long
/// frame's ellipsis row holds <c>..</c> in columns at most 3 wide (the index of up to 999 rows) and <c>...</c> in wider
/// ones, as pandas's <c>_insert_dot_separator_vertical</c>.
/// </summary>
public static class DataFrameText
{
    /// <summary>pandas' <c>display.max_rows</c>: longer frames show only their first and last five rows.</summary>
    public const int MaxRows = 60;

    private const int EdgeRows = 5;

    /// <summary>Formats <paramref name="frame"/>; <paramref name="info"/> supplies label names and the image shape.</summary>
    public static string Format(DataFrame frame, DatasetInfo? info)
    {
        ArgumentNullException.ThrowIfNull(frame);
        long rowCount = frame.Rows.Count;
        bool truncated = rowCount > MaxRows;
        var rows = truncated
            ? Enumerable.Range(0, EdgeRows).Select(i => (long)i).Append(-1).Concat(Enumerable.Range(0, EdgeRows).Select(i => rowCount - EdgeRows + i))
            : Enumerable.Range(0, (int)rowCount).Select(i => (long)i);
        var rowList = rows.ToList();

        var columns = frame.Columns.ToList();
        var table = new List<string[]>();
        table.Add(new[] { "" }.Concat(columns.Select(c => c.Name)).ToArray());
        foreach (var row in rowList.Where(r => r >= 0))
            table.Add(new[] { row.ToString(CultureInfo.InvariantCulture) }.Concat(columns.Select(c => Cell(c, row, info))).ToArray());

        var widths = Enumerable.Range(0, columns.Count + 1).Select(j => table.Max(line => line[j].Length)).ToArray();
        if (truncated) table.Insert(1 + EdgeRows, widths.Select((w, j) => Dots(w, index: j == 0)).ToArray());
        var text = new StringBuilder();
        foreach (var line in table)
        {
            text.Append(line[0].PadRight(widths[0]));
            for (int j = 1; j < line.Length; j++) text.Append("  ").Append(line[j].PadLeft(widths[j]));
            text.Append('\n');
        }
        if (truncated) text.Append('\n').Append($"[{rowCount} rows x {columns.Count} columns]").Append('\n');
        return text.ToString().TrimEnd('\n');
    }

    /// <summary>pandas's ellipsis cell: ".." in a column at most 3 wide, else "...", aligned as the column.</summary>
    private static string Dots(int width, bool index)
    {
        var dots = width > 3 ? "..." : "..";
        return index ? dots.PadRight(width) : dots.PadLeft(width);
    }

    private static string Cell(DataFrameColumn column, long row, DatasetInfo? info)
    {
        var value = column[row];
        return value switch
        {
            null => "None",
            VBuffer<byte> image => ImageSummary(image, info),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
    }

    /// <summary>One line for an image: dtype, shape, value range and mean intensity.</summary>
    public static string ImageSummary(VBuffer<byte> image, DatasetInfo? info)
    {
        var shape = info?.features.image.shape is { } s && s.Aggregate(1, (a, b) => a * b) == image.Length
            ? s
            : [image.Length];
        int min = 255, max = 0;
        long sum = 0;
        int n = 0;
        foreach (var v in image.DenseValues())
        {
            if (v < min) min = v;
            if (v > max) max = v;
            sum += v;
            n++;
        }
        if (n == 0) return $"uint8 ({string.Join(", ", shape)}{(shape.Length == 1 ? "," : "")}) empty";
        var mean = ((double)sum / n).ToString("0.0", CultureInfo.InvariantCulture);
        var dims = shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";
        return $"uint8 {dims} min={min} max={max} mean={mean}";
    }
}
