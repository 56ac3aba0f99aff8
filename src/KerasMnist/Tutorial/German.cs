using System.Globalization;

namespace KerasMnist.Tutorial;

/// <summary>
/// The one number format of the program's German text: whole numbers with a dot between thousands (<c>60.000</c>,
/// <c>2.000 von 42.000</c>), decimals with a comma (<c>0,9741</c>, <c>4,31 s</c>), percentages with a space before
/// the sign (<c>97,4 %</c>), as German readers (and DIN 5008) write them.
/// </summary>
/// <remarks>
/// <para>The rule: the program's own German prose, notes and tables (the split table, the training-time estimate, wall
/// times, the class counts, figure titles the port adds) use this class, and nothing else formats a number for them.</para>
/// <para>Where a stage reproduces what a notebook cell prints through Python (<c>print(model.evaluate(...))</c>'s list,
/// a numpy array, sklearn's <c>classification_report</c>, Keras's progress bar and <c>summary()</c>, pandas'
/// <c>df.head()</c>, <c>print(ds_info)</c>), the text stays exactly as Python prints it, because the notebook beside the
/// port shows Python's output and a learner compares the two. The libraries (KerasMnist.Keras, KerasMnist.Datasets)
/// write English messages with invariant numbers, as Keras and tfds word them.</para>
/// <para>The format is built here rather than taken from the operating system's <c>de-DE</c> culture, so the text is
/// the same on every machine, including ones with invariant globalization or other ICU data.</para>
/// </remarks>
public static class German
{
    /// <summary>German digits: <c>.</c> between thousands, <c>,</c> before decimals, <c>97,4 %</c>.</summary>
    public static NumberFormatInfo Numbers { get; } = CreateNumbers();

    /// <summary>A whole number: <c>60.000</c>, <c>329</c>, <c>-1.250</c>.</summary>
    public static string Number(long n) => n.ToString("N0", Numbers);

    /// <summary>A decimal with exactly <paramref name="digits"/> places: <c>Decimal(0.97412, 4)</c> is <c>0,9741</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="digits"/> is negative or above 15.</exception>
    public static string Decimal(double value, int digits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(digits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, 15);
        return value.ToString("N" + digits.ToString(CultureInfo.InvariantCulture), Numbers);
    }

    /// <summary>A fraction as a percentage with <paramref name="digits"/> places: <c>Percent(0.974, 1)</c> is <c>97,4 %</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="digits"/> is negative or above 15.</exception>
    public static string Percent(double fraction, int digits = 1) => Decimal(fraction * 100, digits) + " %";

    /// <summary>A count with its noun in singular or plural: <c>1 Schritt</c>, <c>16 Schritte</c>, <c>1.000 Bilder</c>.</summary>
    public static string Count(long n, string one, string many) => $"{Number(n)} {(n == 1 ? one : many)}";

    /// <summary>A part of a whole: <c>2.000 von 42.000</c>.</summary>
    public static string Of(long part, long whole) => $"{Number(part)} von {Number(whole)}";

    /// <summary>
    /// An interpolated string with German numbers, for formats the helpers above do not cover
    /// (<c>German.Format($"{x:0.0} GiB")</c> gives <c>7,6 GiB</c>).
    /// </summary>
    public static string Format(FormattableString text) => text.ToString(Numbers);

    /// <summary>A moment as <c>01.12.2026, 14:03 Uhr (UTC+01:00)</c>.</summary>
    public static string Date(DateTimeOffset moment) =>
        moment.ToString("dd.MM.yyyy, HH:mm", CultureInfo.InvariantCulture) + " Uhr (UTC" + moment.ToString("zzz", CultureInfo.InvariantCulture) + ")";

    static NumberFormatInfo CreateNumbers()
    {
        var numbers = (NumberFormatInfo)CultureInfo.InvariantCulture.NumberFormat.Clone();
        numbers.NumberGroupSeparator = ".";
        numbers.NumberDecimalSeparator = ",";
        numbers.PercentGroupSeparator = ".";
        numbers.PercentDecimalSeparator = ",";
        // "n %": the number, a space, the sign, as in 97,4 %.
        numbers.PercentPositivePattern = 0;
        numbers.PercentNegativePattern = 0;
        numbers.NegativeSign = "-";
        return NumberFormatInfo.ReadOnly(numbers);
    }
}
