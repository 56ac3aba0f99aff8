using System.Globalization;
using System.Text;

namespace KerasMnist.Analysis;

/// <summary>
/// The text layout of <c>sklearn.metrics.classification_report</c>: a name column as wide as the longest of
/// the class names, "weighted avg" and <c>digits</c>; four 9-character columns each led by a space; one blank
/// line after the header and one before the averages.
/// </summary>
public static class ClassificationReportText
{
    private static readonly string[] Headers = ["precision", "recall", "f1-score", "support"];

    /// <summary>
    /// Formats the report. Rows are printed for as many classes as there are names (sklearn zips the two);
    /// <paramref name="microIsAccuracy"/> prints the micro average as sklearn's <c>accuracy</c> row.
    /// </summary>
    public static string Format(IReadOnlyList<string> names, ClassificationScores scores, bool microIsAccuracy, int digits)
    {
        int width = Math.Max(Math.Max(names.Count == 0 ? 0 : names.Max(n => n.Length), "weighted avg".Length), digits);
        var text = new StringBuilder();
        text.Append(' ', width).Append(' ');
        foreach (var header in Headers) text.Append(' ').Append(header.PadLeft(9));
        text.Append("\n\n");

        int rows = Math.Min(names.Count, scores.support.Length);
        for (int i = 0; i < rows; i++)
            Row(text, names[i], scores.precision[i], scores.recall[i], scores.f1[i], Support(scores.support[i], scores.supportIsFloat), width, digits);
        text.Append('\n');

        var total = Support(scores.support.Sum(), scores.supportIsFloat);
        if (microIsAccuracy)
        {
            text.Append("accuracy".PadLeft(width)).Append(' ');
            text.Append(' ', 1 + 9).Append(' ', 1 + 9);
            text.Append(' ').Append(Number(scores.micro.f1, digits).PadLeft(9));
            text.Append(' ').Append(total.PadLeft(9)).Append('\n');
        }
        else
        {
            Row(text, "micro avg", scores.micro.precision, scores.micro.recall, scores.micro.f1, total, width, digits);
        }
        Row(text, "macro avg", scores.macro.precision, scores.macro.recall, scores.macro.f1, total, width, digits);
        Row(text, "weighted avg", scores.weighted.precision, scores.weighted.recall, scores.weighted.f1, total, width, digits);
        return text.ToString();
    }

    private static void Row(StringBuilder text, string name, double precision, double recall, double f1, string support, int width, int digits)
    {
        text.Append(name.PadLeft(width)).Append(' ');
        foreach (var value in new[] { precision, recall, f1 })
            text.Append(' ').Append(Number(value, digits).PadLeft(9));
        text.Append(' ').Append(support.PadLeft(9)).Append('\n');
    }

    // sklearn prints the support with "{:>9}": an int as 2, a float as Python's str(2.0).
    private static string Support(long count, bool asFloat) =>
        count.ToString(CultureInfo.InvariantCulture) + (asFloat ? ".0" : "");

    // .NET's "F" format rounds the exact binary value half-to-even, like Python's "{:.2f}" (checked: 0.125 → 0.12).
    private static string Number(double value, int digits) => value.ToString("F" + digits, CultureInfo.InvariantCulture);
}
