using System.Globalization;

namespace KerasMnist.Tutorial;

/// <summary>
/// Numbers as German text writes them: <c>60.000</c>, <c>0,9741</c>, <c>97,4 %</c>. The program runs with invariant
/// globalization (no ICU), so the German culture is not available and its separators are spelled out here.
/// </summary>
public static class German
{
    /// <summary>German separators: a decimal comma, a point between thousands, a space before the percent sign.</summary>
    public static readonly NumberFormatInfo Format = NumberFormatInfo.ReadOnly(new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        PercentDecimalSeparator = ",",
        PercentGroupSeparator = ".",
        PercentPositivePattern = 0, // "n %"
        PercentNegativePattern = 0, // "-n %"
    });

    /// <summary>A count with thousands separated: <c>10.000</c>.</summary>
    public static string Count(long n) => n.ToString("N0", Format);

    /// <summary>A value with <paramref name="decimals"/> decimals after a comma: <c>0,9741</c>.</summary>
    public static string Decimal(double value, int decimals = 4) => value.ToString("F" + decimals, Format);

    /// <summary>A share as percent with <paramref name="decimals"/> decimals: <c>97,4 %</c> for 0.974.</summary>
    public static string Percent(double share, int decimals = 1) => share.ToString("P" + decimals, Format);
}
