using KerasMnist.Imaging.Segmentation;

namespace KerasMnist.Imaging.Preprocessing;

/// <summary>
/// Turns a photo or drawing of a handwritten digit into what an MNIST model expects, the way MNIST itself was made
/// (yann.lecun.com/exdb/mnist: "size normalized to fit in a 20x20 pixel box while preserving their aspect ratio ...
/// anti-aliasing ... centered in a 28x28 image by computing the center of mass"), with the steps a real photo needs
/// first. Each step is a public function, in order:
/// <see cref="ToGrayscale"/>, <see cref="ToInkOnBlack"/>, <see cref="FlattenBackground"/>, <see cref="OtsuThreshold"/>,
/// <see cref="FindInk(GrayImage, float)"/>, <see cref="CropToInk"/>, <see cref="NormalizeStrokeWidth"/>,
/// <see cref="ScaleToBox"/>, <see cref="CenterByMass"/>. <see cref="FindInk(Image)"/> runs the first five,
/// <see cref="ToMnist"/> the rest for one digit.
/// </summary>
public static partial class MnistPreprocessing
{
    /// <summary>
    /// Images with a longer side above this are shrunk to it (anti-aliased) before the ink is looked for: a digit
    /// needs far fewer pixels, and the steps' time grows with the pixel count.
    /// </summary>
    public const int MaxWorkingSide = 1600;

    /// <summary>
    /// Steps 1-5 on a decoded image: greyscale (transparency composited), white ink on black, background flattened,
    /// Otsu threshold, the ink with its grey levels and pieces.
    /// </summary>
    /// <returns>The ink found; check <see cref="InkImage.IsBlank"/>.</returns>
    public static InkImage FindInk(Image image)
    {
        var gray = ShrinkToWorkingSize(ToGrayscale(image));
        var inkOnBlack = ToInkOnBlack(gray, out _);
        var flattened = FlattenBackground(inkOnBlack);
        return FindInk(flattened, OtsuThreshold(flattened));
    }

    /// <summary>
    /// Steps 6-9 for one digit: its ink (all of it, or one <paramref name="segment"/> of a field) cropped, thin strokes
    /// thickened, scaled into the 20-pixel box and centred by mass in 28x28.
    /// </summary>
    /// <returns>The 28x28 image the model sees, white ink on black, 0..255.</returns>
    /// <exception cref="ArgumentException">The image (or segment) holds no ink.</exception>
    public static GrayImage ToMnist(InkImage ink, DigitSegment? segment = null)
    {
        var digit = CropToInk(segment is null ? ink.Ink : Isolate(ink, segment))
            ?? throw new ArgumentException("There is no ink to normalise: the image or segment is blank.");
        return CenterByMass(ScaleToBox(NormalizeStrokeWidth(digit)));
    }

    /// <summary>The ink of one segment alone, on black, in an image of the original size.</summary>
    public static GrayImage Isolate(InkImage ink, DigitSegment segment)
    {
        var result = new GrayImage(ink.Width, ink.Height);
        var wanted = new bool[ink.Components.Count + 1];
        foreach (var label in segment.Labels) wanted[label] = true;
        for (int y = segment.Top; y < segment.Bottom; y++)
            for (int x = segment.Left; x < segment.Right; x++)
            {
                int i = y * ink.Width + x;
                if (wanted[ink.Labels[i]]) result.Pixels[i] = ink.Ink.Pixels[i];
            }
        return result;
    }

    static GrayImage ShrinkToWorkingSize(GrayImage gray)
    {
        int longer = Math.Max(gray.Width, gray.Height);
        if (longer <= MaxWorkingSide) return gray;
        double scale = (double)MaxWorkingSide / longer;
        int width = Math.Max(1, (int)Math.Round(gray.Width * scale)), height = Math.Max(1, (int)Math.Round(gray.Height * scale));
        return new GrayImage(width, height, Resampling.Resize(gray.Pixels, gray.Width, gray.Height, 1, width, height, "box"));
    }
}
