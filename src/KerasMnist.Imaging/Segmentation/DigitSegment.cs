namespace KerasMnist.Imaging.Segmentation;

/// <summary>
/// One digit of a field: the ink pieces (labels of <see cref="Preprocessing.InkImage.Components"/>) it is made of,
/// limited to the columns <see cref="Left"/> (inclusive) to <see cref="Right"/> (exclusive), which cuts a piece
/// shared by two touching digits. <see cref="Top"/> and <see cref="Bottom"/> (exclusive) bound its rows.
/// </summary>
public sealed record DigitSegment(IReadOnlyList<int> Labels, int Left, int Right, int Top, int Bottom)
{
    /// <summary>Width in pixels.</summary>
    public int Width => Right - Left;

    /// <summary>Height in pixels.</summary>
    public int Height => Bottom - Top;

    /// <summary>Whether the segment was cut out of wider ink (touching digits) rather than made of whole pieces.</summary>
    public bool WasSplit { get; init; }
}
