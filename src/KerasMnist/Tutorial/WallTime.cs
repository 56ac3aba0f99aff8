namespace KerasMnist.Tutorial;

/// <summary>Durations in the units a person reads at a glance, in German digits: <c>850 ms</c>, <c>3,42 s</c>, <c>2 min 05 s</c>, <c>1 h 02 min</c>.</summary>
public static class WallTime
{
    /// <summary>Formats <paramref name="elapsed"/> in the largest sensible unit.</summary>
    public static string Format(TimeSpan elapsed)
    {
        var seconds = elapsed.TotalSeconds;
        return seconds switch
        {
            < 1 => German.Format($"{elapsed.TotalMilliseconds:0} ms"),
            < 10 => German.Format($"{seconds:0.00} s"),
            < 60 => German.Format($"{seconds:0.0} s"),
            < 3600 => German.Format($"{(int)elapsed.TotalMinutes} min {elapsed.Seconds:00} s"),
            _ => German.Format($"{(int)elapsed.TotalHours} h {elapsed.Minutes:00} min"),
        };
    }
}
