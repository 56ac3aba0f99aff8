namespace KerasMnist.Imaging.Preprocessing;

public static partial class MnistPreprocessing
{
    /// <summary>
    /// The least mean contrast of the ink over its background, in grey levels of 255, for an image to count as
    /// having ink: sensor noise, JPEG artefacts and paper grain stay well below it, pencil on paper above.
    /// </summary>
    public const float MinInkContrast = 32f;

    /// <summary>A piece of ink smaller than this share of the largest piece is a speck (dust, noise) and ignored.</summary>
    public const double SpeckFraction = 0.015;

    /// <summary>
    /// Step 5, the ink with its grey levels. Pixels above the Otsu threshold t are ink; fainter pixels down to t/2
    /// join when connected to them (hysteresis, Canny, IEEE PAMI 8(6), 1986), which keeps a stroke's anti-aliased edge
    /// and a faint stretch of pen in one piece while texture away from strokes stays out. Inside the ink the grey
    /// level is kept, stretched linearly so that t/2 becomes 0 and the median stroke level 255: MNIST's strokes have
    /// a saturated core and grey edges, not a hard binary. Pieces smaller than <see cref="SpeckFraction"/> of the
    /// largest are dropped.
    /// </summary>
    /// <param name="flattened">The output of <see cref="FlattenBackground"/>: ink above a background of 0.</param>
    /// <param name="threshold">The threshold t, usually <see cref="OtsuThreshold"/> of <paramref name="flattened"/>.</param>
    /// <returns>The ink; <see cref="InkImage.IsBlank"/> when its mean contrast is below <see cref="MinInkContrast"/>.</returns>
    public static InkImage FindInk(GrayImage flattened, float threshold)
    {
        var v = flattened.Pixels;
        int n = v.Length;
        double strongSum = 0;
        var strongValues = new List<float>();
        for (int i = 0; i < n; i++)
            if (v[i] > threshold)
            {
                strongSum += v[i];
                strongValues.Add(v[i]);
            }
        var blankLabels = new int[n];
        if (strongValues.Count == 0 || strongSum / strongValues.Count < MinInkContrast)
            return new InkImage(new GrayImage(flattened.Width, flattened.Height), blankLabels, [], threshold);

        float low = threshold / 2;
        var weak = new bool[n];
        for (int i = 0; i < n; i++) weak[i] = v[i] > low;
        var (labels, components) = ConnectedComponents.Label(weak, flattened.Width, flattened.Height);
        var hasStrong = new bool[components.Count + 1];
        for (int i = 0; i < n; i++)
            if (v[i] > threshold) hasStrong[labels[i]] = true;
        var pieces = components.Where(c => hasStrong[c.Label]).ToList();
        int largest = pieces.Max(c => c.Area);
        var kept = pieces.Where(c => c.Area >= SpeckFraction * largest).ToList();

        // Renumber the kept pieces 1..k so labels index the component list directly.
        var renumber = new int[components.Count + 1];
        for (int k = 0; k < kept.Count; k++) renumber[kept[k].Label] = k + 1;
        strongValues.Sort();
        float full = Math.Max(strongValues[strongValues.Count / 2], low + 1);
        var ink = new float[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = renumber[labels[i]];
            if (labels[i] != 0) ink[i] = 255f * Math.Clamp((v[i] - low) / (full - low), 0f, 1f);
        }
        var renumbered = kept.Select((c, k) => c with { Label = k + 1 }).ToList();
        return new InkImage(new GrayImage(flattened.Width, flattened.Height, ink), labels, renumbered, threshold);
    }
}
