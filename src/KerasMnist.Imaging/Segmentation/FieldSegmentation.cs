namespace KerasMnist.Imaging.Segmentation;

/// <summary>
/// The digits of a field, left to right, and where separators (a comma or point) stood between them.
/// </summary>
/// <param name="Digits">The digit segments, left to right.</param>
/// <param name="SeparatorPositions">For each separator, how many digits stand before it (2 for "12,50").</param>
/// <param name="Parts">How many parts side by side the ink fell into before touching digits were split: 2 or more
/// means the image shows a field (<see cref="IsField"/>).</param>
public sealed record FieldSegmentation(IReadOnlyList<DigitSegment> Digits, IReadOnlyList<int> SeparatorPositions, int Parts)
{
    /// <summary>Whether the ink falls into several digit-sized parts side by side: a field rather than one digit.</summary>
    public bool IsField => Parts >= 2;
}
