namespace KerasMnist.Imaging.Preprocessing;

public static partial class MnistPreprocessing
{
    /// <summary>
    /// The window <see cref="FlattenBackground"/> uses by default: half the shorter side, odd, at least 3. Strokes and
    /// their crossings are far narrower, so they never fill it; lighting varies over a larger scale.
    /// </summary>
    public static int BackgroundWindow(GrayImage image) => Math.Max(3, Math.Min(image.Width, image.Height) / 2 | 1);

    /// <summary>
    /// Step 3, uneven lighting and paper tone: the white top-hat transform (Serra, "Image Analysis and Mathematical
    /// Morphology", 1982; Gonzalez &amp; Woods, "Digital Image Processing", 4th ed., sec. 9.6): the background is the
    /// grey-scale opening with a <paramref name="window"/>-pixel square, which removes the strokes and keeps shading
    /// and gradients (an opening reproduces a linear ramp exactly); subtracting it leaves the ink on a background of 0.
    /// </summary>
    /// <param name="inkOnBlack">Light ink on a darker background (after <see cref="ToInkOnBlack"/>).</param>
    /// <param name="window">The square's side in pixels; <see cref="BackgroundWindow"/> when null.</param>
    /// <returns>The ink above its local background, 0..255.</returns>
    public static GrayImage FlattenBackground(GrayImage inkOnBlack, int? window = null)
    {
        var background = Morphology.Open(inkOnBlack, window ?? BackgroundWindow(inkOnBlack));
        var result = new float[inkOnBlack.Pixels.Length];
        for (int i = 0; i < result.Length; i++) result[i] = Math.Max(0f, inkOnBlack.Pixels[i] - background.Pixels[i]);
        return new GrayImage(inkOnBlack.Width, inkOnBlack.Height, result);
    }

    /// <summary>
    /// Step 4, the global threshold of Otsu ("A Threshold Selection Method from Gray-Level Histograms", IEEE Trans.
    /// SMC 9(1), 1979): the grey level that maximises the between-class variance of a 256-bin histogram.
    /// </summary>
    /// <param name="image">Values 0..255 (rounded into bins).</param>
    /// <returns>The threshold t: ink is <c>v &gt; t</c>; 0 for a flat image.</returns>
    public static float OtsuThreshold(GrayImage image)
    {
        var histogram = Histogram(image.Pixels);
        long total = image.Pixels.Length;
        double sumAll = 0;
        for (int v = 0; v < 256; v++) sumAll += (double)v * histogram[v];
        double sumBelow = 0, best = -1;
        long below = 0;
        int threshold = 0;
        for (int t = 0; t < 255; t++)
        {
            below += histogram[t];
            sumBelow += (double)t * histogram[t];
            long above = total - below;
            if (below == 0 || above == 0) continue;
            double meanBelow = sumBelow / below, meanAbove = (sumAll - sumBelow) / above;
            double between = (double)below * above * (meanBelow - meanAbove) * (meanBelow - meanAbove);
            if (between > best)
            {
                best = between;
                threshold = t;
            }
        }
        return threshold;
    }
}
