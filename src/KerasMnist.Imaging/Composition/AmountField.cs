namespace KerasMnist.Imaging.Composition;

/// <summary>
/// An amount field composed by <see cref="AmountFieldComposer"/>, with its answer: the picture a scanned cheque's
/// amount box would give, and what is written in it.
/// </summary>
/// <param name="Image">The field as an RGB image: coloured ink on toned paper above a ruled line, slightly turned.</param>
/// <param name="Amount">What the field shows, with its decimal comma: <c>"347,05"</c>.</param>
/// <param name="SeparatorPositions">For the comma, how many digits stand before it (<c>[3]</c> for 347,05), as
/// <see cref="Segmentation.FieldSegmentation.SeparatorPositions"/> counts them.</param>
/// <param name="SourceIndices">For each digit, left to right, the index of the source image it was drawn from.</param>
public sealed record AmountField(Image Image, string Amount, IReadOnlyList<int> SeparatorPositions, IReadOnlyList<int> SourceIndices)
{
    /// <summary>The digits alone, left to right: <c>"34705"</c> for 347,05 (what <see cref="Reading.Reading.Number"/> reads).</summary>
    public string Digits => Amount.Replace(",", "");
}
