using ScottPlot;
using ScottPlot.TickGenerators;

namespace KerasMnist.Plotting;

/// <summary>
/// The one look shared by every figure the tutorial saves (what a matplotlib <c>rcParams</c> style is in
/// Python): DejaVu Sans and sizes that stay readable when the PNG is projected in a classroom.
/// </summary>
public static class FigureStyle
{
    /// <summary>The font family of all text. ScottPlot's own default resolves to DejaVu Serif on Linux.</summary>
    public const string FontFamily = "DejaVu Sans";

    /// <summary>Figure and subplot titles, in pixels.</summary>
    public const float TitleSize = 26;

    /// <summary>Axis labels (<c>plt.xlabel</c>/<c>plt.ylabel</c>), in pixels.</summary>
    public const float LabelSize = 22;

    /// <summary>Tick labels, legend entries and colour-bar numbers, in pixels.</summary>
    public const float TickSize = 18;

    /// <summary>Numbers written into heatmap cells and above bars, in pixels.</summary>
    public const float AnnotationSize = 18;

    /// <summary>Line width of curves, in pixels.</summary>
    public const float LineWidth = 3;

    /// <summary>Marker diameter of curve points, in pixels.</summary>
    public const float MarkerSize = 11;

    /// <summary>matplotlib's first default colour (<c>C0</c>, tab:blue).</summary>
    public static readonly Color C0 = Color.FromHex("#1f77b4");

    /// <summary>matplotlib's second default colour (<c>C1</c>, tab:orange).</summary>
    public static readonly Color C1 = Color.FromHex("#ff7f0e");

    /// <summary>Dark text colour (seaborn's <c>".15"</c> grey).</summary>
    public static readonly Color DarkText = Color.FromHex("#262626");

    private static readonly Lazy<bool> FontsReady = new(SetDefaultFont, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Makes DejaVu Sans ScottPlot's default font, once per process. Throws when the font is missing,
    /// because SkiaSharp then draws every label, tick and number as nothing, without any error.
    /// </summary>
    public static void EnsureFonts() => _ = FontsReady.Value;

    /// <summary>Applies the shared fonts and sizes to one subplot; call it after adding the plottables.</summary>
    public static void Apply(Plot plot)
    {
        EnsureFonts();
        plot.Font.Set(FontFamily);
        plot.Axes.Title.Label.FontSize = TitleSize;
        plot.Axes.Title.Label.Bold = false;
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontSize = LabelSize;
            axis.Label.Bold = false;
            axis.TickLabelStyle.FontSize = TickSize;
        }
        plot.Legend.FontSize = TickSize;
        plot.Legend.FontName = FontFamily;
    }

    /// <summary>
    /// Sets <paramref name="plot"/>'s title, centred on the whole subplot and shrunk (down to the tick size) when
    /// it would be wider than <paramref name="widthPx"/> at the normal title size.
    /// </summary>
    public static void Title(Plot plot, string title, float widthPx)
    {
        plot.Title(title);
        // DejaVu Sans averages about 0.58 em per character in mixed-case text.
        float fitting = widthPx * 0.92f / (0.58f * Math.Max(title.Length, 1));
        plot.Axes.Title.Label.FontSize = Math.Clamp(fitting, TickSize, TitleSize);
        plot.Axes.Title.FullFigureCenter = true;
    }

    /// <summary>
    /// Automatic ticks printed as plain numbers (ScottPlot's default writes thousands separators, "6,000"),
    /// about <paramref name="count"/> of them.
    /// </summary>
    public static NumericAutomatic PlainTicks(int count) => new()
    {
        TargetTickCount = count,
        LabelFormatter = v => v.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static bool SetDefaultFont()
    {
        // SkiaSharp substitutes another family for a missing one, so compare the family actually found.
        var typeface = Fonts.GetTypeface(FontFamily, bold: false, italic: false);
        if (typeface is null || !string.Equals(typeface.FamilyName, FontFamily, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(
                $"The font '{FontFamily}' is not installed, so every title, label and number in the saved plots " +
                "would silently be missing. Install it (Debian/Ubuntu: apt-get install fonts-dejavu-core) and run again.");
        Fonts.Default = FontFamily;
        return true;
    }
}
