namespace KerasMnist.Imaging.Preprocessing;

/// <summary>
/// The ink found in an image: white ink on black with its grey levels (<see cref="Ink"/>, 0 outside the ink), the
/// pieces of ink (<see cref="Components"/>, specks left out) and which piece each pixel belongs to
/// (<see cref="Labels"/>, 0 for none). What <see cref="MnistPreprocessing.FindInk(Image)"/> returns, what the field
/// segmenter splits and what <see cref="MnistPreprocessing.ToMnist"/> normalises.
/// </summary>
public sealed class InkImage
{
    /// <summary>Creates the result; the arrays are not copied.</summary>
    public InkImage(GrayImage ink, int[] labels, IReadOnlyList<InkComponent> components, float threshold)
    {
        Ink = ink;
        Labels = labels;
        Components = components;
        Threshold = threshold;
    }

    /// <summary>Ink strength 0..255 (255 for the stroke's core), 0 on the background and on specks.</summary>
    public GrayImage Ink { get; }

    /// <summary>Per pixel, the <see cref="InkComponent.Label"/> of the piece it belongs to, or 0.</summary>
    public int[] Labels { get; }

    /// <summary>The pieces of ink, specks removed; empty when the image has no ink.</summary>
    public IReadOnlyList<InkComponent> Components { get; }

    /// <summary>The Otsu threshold applied to the flattened image (0..255).</summary>
    public float Threshold { get; }

    /// <summary>Width in pixels.</summary>
    public int Width => Ink.Width;

    /// <summary>Height in pixels.</summary>
    public int Height => Ink.Height;

    /// <summary>True when no ink was found (blank paper, a flat colour, noise only).</summary>
    public bool IsBlank => Components.Count == 0;
}
