using System.Diagnostics;
using System.Globalization;
using System.Text;
using KerasMnist.Keras.Callbacks;

namespace KerasMnist.Keras.Utils;

/// <summary>
/// <c>keras.utils.Progbar</c> in Keras 2's format:
/// <c>329/329 [==============================] - 3s 6ms/step - loss: 0.3548 - sparse_categorical_accuracy: 0.9017</c>.
/// It writes through <see cref="io_utils.print_msg"/>. On an interactive output (a terminal) it redraws one line in
/// place; otherwise (CI logs, files, tests) it writes only the final line, so a log gets one line per epoch instead of
/// hundreds.
/// </summary>
public sealed class Progbar
{
    readonly long? target;
    readonly int width;
    readonly int verbose;
    readonly bool dynamic = io_utils.is_interactive;
    readonly Stopwatch clock = Stopwatch.StartNew();
    double epochStart; // seconds on the clock when the current epoch's bar started (verbose 2 reports per epoch)
    readonly double interval;
    double lastUpdate = double.NegativeInfinity;
    int previousWidth;

    /// <summary>See <c>keras.utils.Progbar(target, width=30, verbose=1, interval=0.05, unit_name="step")</c>.</summary>
    public Progbar(long? target, int width = 30, int verbose = 1, double interval = 0.05, string unit_name = "step")
    {
        this.target = target is > 0 ? target : null;
        this.width = width;
        this.verbose = verbose;
        this.interval = interval;
        this.unit_name = unit_name;
    }

    /// <summary>What one step is called in the time per unit (<c>ms/step</c>).</summary>
    public string unit_name { get; }

    /// <summary><c>progbar.update(current, values, finalize)</c>.</summary>
    public void update(long current, Logs? values = null, bool? finalize = null)
    {
        bool final = finalize ?? (target is not null && current >= target);
        double now = clock.Elapsed.TotalSeconds;
        if (verbose == 1)
        {
            if (!final && (!dynamic || now - lastUpdate < interval)) return;
            lastUpdate = now;
            var line = new StringBuilder(Counter(current)).Append(Bar(current));
            line.Append(final ? Elapsed(now, current) : Eta(now, current));
            AppendValues(line, values);
            Write(line.ToString(), final);
        }
        else if (verbose == 2 && final)
        {
            // tf.keras 2: "329/329 - 3s - loss: 0.3548 - 3s/epoch - 9ms/step", each time in its own unit.
            double epoch = now - epochStart;
            epochStart = now;
            var line = new StringBuilder(Counter(current)).Append($" - {Round(now)}s");
            AppendValues(line, values, verbose: 2);
            line.Append(" -").Append(format_time(epoch, "epoch"))
                .Append(" -").Append(format_time(epoch / Math.Max(1, target ?? current), unit_name));
            io_utils.print_msg(line.ToString());
        }
    }

    string Counter(long current) => target is null
        ? $"{current,7}/Unknown"
        : $"{current.ToString(CultureInfo.InvariantCulture).PadLeft(target.Value.ToString(CultureInfo.InvariantCulture).Length)}/{target}";

    string Bar(long current)
    {
        if (target is null) return "";
        int filled = (int)(width * Math.Min(1.0, (double)current / target.Value));
        var bar = new StringBuilder(" [");
        if (filled > 0) bar.Append('=', filled - 1).Append(current < target ? '>' : '=');
        return bar.Append('.', width - filled).Append(']').ToString();
    }

    string Eta(double now, long current)
    {
        if (target is null || current == 0) return "";
        double eta = now / current * (target.Value - current);
        var t = TimeSpan.FromSeconds(eta);
        string text = eta > 3600 ? $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}"
            : eta > 60 ? $"{(int)t.TotalMinutes}:{t.Seconds:00}" : $"{(int)eta}s";
        return " - ETA: " + text;
    }

    string Elapsed(double now, long current) => $" - {Round(now)}s" + format_time(now / Math.Max(1, current), unit_name);

    /// <summary>
    /// Keras's <c>Progbar._format_time</c>: <c>" 3s/epoch"</c> from 1 s on (and for 0), <c>" 3ms/step"</c> from 1 ms,
    /// else <c>" 250us/step"</c>; rounded to whole units half to even, as Python's <c>%.0f</c>.
    /// </summary>
    /// <param name="time_per_unit">Seconds.</param>
    /// <param name="unit_name">What the time is per: <c>epoch</c>, <c>step</c>.</param>
    public static string format_time(double time_per_unit, string unit_name) =>
        time_per_unit >= 1 || time_per_unit == 0 ? $" {Round(time_per_unit)}s/{unit_name}"
        : time_per_unit >= 1e-3 ? $" {Round(time_per_unit * 1000.0)}ms/{unit_name}"
        : $" {Round(time_per_unit * 1000000.0)}us/{unit_name}";

    static string Round(double value) => Math.Round(value, MidpointRounding.ToEven).ToString("0", CultureInfo.InvariantCulture);

    static void AppendValues(StringBuilder line, Logs? values, int verbose = 1)
    {
        foreach (var (key, value) in values ?? [])
            line.Append(" - ").Append(key).Append(": ").Append(FormatValue(value, verbose));
    }

    /// <summary>
    /// Keras's value format: four decimals, or scientific for magnitudes at most 1e-3. tf.keras 2's one-line-per-epoch
    /// form (verbose 2) compares the value itself, not its magnitude, so a negative value prints in scientific form there.
    /// </summary>
    public static string FormatValue(double value, int verbose = 1) => (verbose == 2 ? value : Math.Abs(value)) > 1e-3
        ? value.ToString("0.0000", CultureInfo.InvariantCulture)
        : value.ToString("0.0000e+00", CultureInfo.InvariantCulture);

    void Write(string line, bool final)
    {
        if (dynamic)
        {
            // Pad over the remains of a longer previous line, as Keras does.
            string padded = line.PadRight(previousWidth);
            previousWidth = line.Length;
            io_utils.print_msg("\r" + padded, line_break: final);
        }
        else io_utils.print_msg(line);
    }
}
