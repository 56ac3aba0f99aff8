using System.Globalization;
using KerasMnist.Tutorial;

namespace KerasMnist.Report;

/// <summary>
/// Numbers, durations and dates as the German report writes them (60.000; 3,42 s; 01.12.2026, 14:03 Uhr). The
/// program runs with invariant globalization, so the German conventions are spelled out here rather than taken from
/// a de-DE culture that may not exist.
/// </summary>
public static class German
{
    /// <summary>Decimal comma, thousands dot.</summary>
    public static readonly NumberFormatInfo Numbers = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

    /// <summary><paramref name="n"/> with thousands dots: <c>60.000</c>.</summary>
    public static string Number(long n) => n.ToString("N0", Numbers);

    /// <summary>A duration in <see cref="WallTime"/>'s units, with a decimal comma: <c>850 ms</c>, <c>3,42 s</c>, <c>2 min 05 s</c>.</summary>
    public static string Duration(TimeSpan elapsed) => WallTime.Format(elapsed, Numbers);

    /// <summary>A moment as <c>01.12.2026, 14:03 Uhr (UTC+01:00)</c>.</summary>
    public static string Date(DateTimeOffset moment) =>
        moment.ToString("dd.MM.yyyy, HH:mm", CultureInfo.InvariantCulture) + " Uhr (UTC" + moment.ToString("zzz", CultureInfo.InvariantCulture) + ")";
}
