using KerasMnist.Imaging.Reading;
using KerasMnist.Tutorial;

namespace KerasMnist.Cli;

/// <summary>
/// <c>predict</c>'s German text for one image: the digit with its probability and the next two candidates, or for a
/// field the number read and each digit's line, a warning for every uncertain digit, and the 28x28 files written.
/// </summary>
public static class ReadingText
{
    /// <summary>The lines for <paramref name="reading"/>; <paramref name="saved"/> are its --save-preprocessed files, if any.</summary>
    public static IEnumerable<string> Lines(Reading reading, IReadOnlyList<string>? saved, float lowConfidence)
    {
        if (!reading.IsField)
            yield return $"{reading.File}: {Digit(reading.First)}";
        else
        {
            yield return $"{reading.File}: Feld mit {German.Count(reading.Digits.Count, "Ziffer", "Ziffern")}, gelesen {reading.Format()}";
            for (int k = 0; k < reading.Digits.Count; k++)
                yield return $"  Ziffer {k + 1}: {Digit(reading.Digits[k])}";
        }
        var uncertain = reading.Digits.Select((d, k) => (d, k)).Where(p => p.d.IsLowConfidence).ToList();
        foreach (var (digit, k) in uncertain)
            yield return $"  Warnung: {(reading.IsField ? $"Ziffer {k + 1} ist" : "Das Model ist")} unsicher " +
                $"(Wahrscheinlichkeit {German.Decimal(digit.Probability, 4)} unter {German.Decimal(lowConfidence, 2)}), die Ziffer " +
                "ist vielleicht falsch gelesen. " +
                (saved is null ? "--save-preprocessed DIR zeigt das 28x28-Bild, das das Model sah." : "Das 28x28-Bild, das es sah:");
        foreach (var file in saved ?? []) yield return $"  -> {file}";
    }

    static string Digit(DigitPrediction d) =>
        $"{d.Digit} (Wahrscheinlichkeit {German.Decimal(d.Probability, 4)}; danach " +
        string.Join(", ", d.Top3.Skip(1).Select(c => $"{c.Digit}: {German.Decimal(c.Probability, 4)}")) + ")";
}
