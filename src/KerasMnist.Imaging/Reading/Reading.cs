using KerasMnist.Imaging.Preprocessing;

namespace KerasMnist.Imaging.Reading;

/// <summary>
/// The model's reading of one digit.
/// </summary>
/// <param name="Digit">The most probable digit, 0-9.</param>
/// <param name="Probability">Its probability (softmax of the model's output), 0..1.</param>
/// <param name="Top3">The three most probable digits with their probabilities, the first being <paramref name="Digit"/>.</param>
/// <param name="IsLowConfidence">Whether <paramref name="Probability"/> is below the reader's threshold.</param>
/// <param name="Input">The 28x28 image the model saw (white ink on black, 0..255, before division by the scale).</param>
public sealed record DigitPrediction(int Digit, float Probability, IReadOnlyList<(int Digit, float Probability)> Top3,
    bool IsLowConfidence, GrayImage Input)
{
    /// <summary>
    /// Writes <see cref="Input"/>, the 28x28 image the model saw, as an 8-bit grey PNG (or JPEG/WebP by the
    /// extension), so a learner can see why a digit was misread. Nothing is written if encoding fails.
    /// </summary>
    public void SaveInput(string path) => ImageFile.Save(Input.ToImage(), path);
}

/// <summary>The reading of one image file: one digit, or a field of several.</summary>
/// <param name="File">The image file.</param>
/// <param name="IsField">Whether it was read as a field.</param>
/// <param name="Digits">Each digit's prediction, left to right (one for a single digit).</param>
/// <param name="SeparatorPositions">For each separator of a field, how many digits stand before it.</param>
public sealed record Reading(string File, bool IsField, IReadOnlyList<DigitPrediction> Digits, IReadOnlyList<int> SeparatorPositions)
{
    /// <summary>The digits read, left to right, as a string ("1250" for a field reading 12,50; separators left out).</summary>
    public string Number => string.Concat(Digits.Select(d => d.Digit));

    /// <summary>
    /// The digits read with a <paramref name="separator"/> where the field had one: <c>"12,50"</c> for a field reading
    /// 12,50 (the segmenter finds a comma or point but not which, so both are written as <paramref name="separator"/>).
    /// </summary>
    public string Format(string separator = ",")
    {
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < Digits.Count; i++)
        {
            if (i > 0 && SeparatorPositions.Contains(i)) text.Append(separator);
            text.Append(Digits[i].Digit);
        }
        return text.ToString();
    }

    /// <summary>The first (for a single digit, the only) digit's prediction.</summary>
    public DigitPrediction First => Digits[0];

    /// <summary>Whether any digit's probability is below the reader's threshold.</summary>
    public bool IsLowConfidence => Digits.Any(d => d.IsLowConfidence);
}
