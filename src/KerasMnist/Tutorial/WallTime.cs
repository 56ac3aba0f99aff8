using System.Globalization;

namespace KerasMnist.Tutorial;

/// <summary>Durations in the units a person reads at a glance: <c>850 ms</c>, <c>3.42 s</c>, <c>2 min 05 s</c>, <c>1 h 02 min</c>.</summary>
public static class WallTime
{
    /// <summary>Formats <paramref name="elapsed"/> in the largest sensible unit, with <paramref name="numbers"/>' decimal separator (default: a point).</summary>
    public static string Format(TimeSpan elapsed, IFormatProvider? numbers = null)
    {
        var format = numbers ?? CultureInfo.InvariantCulture;
        var seconds = elapsed.TotalSeconds;
        return seconds switch
        {
            < 1 => string.Create(format, $"{elapsed.TotalMilliseconds:0} ms"),
            < 10 => string.Create(format, $"{seconds:0.00} s"),
            < 60 => string.Create(format, $"{seconds:0.0} s"),
            < 3600 => string.Create(format, $"{(int)elapsed.TotalMinutes} min {elapsed.Seconds:00} s"),
            _ => string.Create(format, $"{(int)elapsed.TotalHours} h {elapsed.Minutes:00} min"),
        };
    }
}
