namespace KerasMnist.Imaging.Preprocessing;

public static partial class MnistPreprocessing
{
    /// <summary>
    /// Whether the ink is darker than the paper. The paper's level is the median of the one-pixel border (ink
    /// rarely covers half of it); the ink is the tail of the histogram that reaches further from it, compared at
    /// the 0.2 % and 99.8 % quantiles. A lighting gradient widens both tails alike, ink only one, so the rule holds
    /// for photos under uneven light as well as for clean drawings, either way round.
    /// </summary>
    /// <param name="gray">A greyscale image, 0..255.</param>
    /// <returns>True for dark ink on light paper, false for light ink on dark (MNIST's own polarity); true for a flat image.</returns>
    public static bool IsDarkInkOnLight(GrayImage gray)
    {
        var border = new List<float>(2 * (gray.Width + gray.Height));
        for (int x = 0; x < gray.Width; x++)
        {
            border.Add(gray[x, 0]);
            border.Add(gray[x, gray.Height - 1]);
        }
        for (int y = 1; y < gray.Height - 1; y++)
        {
            border.Add(gray[0, y]);
            border.Add(gray[gray.Width - 1, y]);
        }
        border.Sort();
        float paper = border[border.Count / 2];
        var histogram = Histogram(gray.Pixels);
        float low = Quantile(histogram, gray.Pixels.Length, 0.002), high = Quantile(histogram, gray.Pixels.Length, 0.998);
        return paper - low >= high - paper;
    }

    /// <summary>
    /// Step 2, polarity: MNIST is white ink (255) on black (0); dark-on-light input is inverted (<c>255 - v</c>),
    /// light-on-dark is kept, decided by <see cref="IsDarkInkOnLight"/>.
    /// </summary>
    /// <param name="gray">A greyscale image, 0..255.</param>
    /// <param name="inverted">Whether the image was inverted.</param>
    /// <returns>The image with light ink on a dark background (a new image when inverted, else the same).</returns>
    public static GrayImage ToInkOnBlack(GrayImage gray, out bool inverted)
    {
        inverted = IsDarkInkOnLight(gray);
        if (!inverted) return gray;
        var result = new float[gray.Pixels.Length];
        for (int i = 0; i < result.Length; i++) result[i] = 255f - gray.Pixels[i];
        return new GrayImage(gray.Width, gray.Height, result);
    }

    // 256 bins over 0..255 (values rounded, clamped).
    internal static int[] Histogram(float[] values)
    {
        var histogram = new int[256];
        foreach (var v in values) histogram[Math.Clamp((int)MathF.Round(v), 0, 255)]++;
        return histogram;
    }

    internal static float Quantile(int[] histogram, int count, double q)
    {
        long target = (long)Math.Ceiling(q * count), seen = 0;
        for (int v = 0; v < histogram.Length; v++)
        {
            seen += histogram[v];
            if (seen >= Math.Max(1, target)) return v;
        }
        return histogram.Length - 1;
    }
}
