using ScottPlot;

namespace KerasMnist.Plotting;

/// <summary>
/// matplotlib colormap names (the <c>cmap=</c> argument) mapped to ScottPlot colormaps. ScottPlot has no
/// YlGnBu, so it is built from the nine ColorBrewer colours matplotlib interpolates between.
/// </summary>
public static class Colormaps
{
    /// <summary>The names <see cref="Get"/> accepts.</summary>
    public static readonly IReadOnlyList<string> Names = ["gray", "viridis", "YlGnBu", "Blues"];

    /// <summary>The colormap called <paramref name="cmap"/> (matplotlib spelling, case-insensitive).</summary>
    public static IColormap Get(string cmap) => cmap?.ToLowerInvariant() switch
    {
        "gray" or "grey" => new ScottPlot.Colormaps.Grayscale(),
        "viridis" => new ScottPlot.Colormaps.Viridis(),
        "ylgnbu" => YlGnBu(),
        "blues" => new ScottPlot.Colormaps.Blues(),
        _ => throw new ArgumentException(
            $"Unknown colormap '{cmap}'; supported: {string.Join(", ", Names)}.", nameof(cmap)),
    };

    private static IColormap YlGnBu() => new ScottPlot.Colormaps.CustomInterpolated(
        Array.ConvertAll(YlGnBuHex, Color.FromHex));

    private static readonly string[] YlGnBuHex =
        ["#ffffd9", "#edf8b1", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#253494", "#081d58"];

    /// <summary>
    /// The annotation colour seaborn's heatmap picks for a cell: dark grey on light cells, white on dark
    /// ones (relative luminance above 0.408 → dark).
    /// </summary>
    public static Color TextColorOn(Color cell)
    {
        static double Linear(byte channel)
        {
            double c = channel / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        double luminance = 0.2126 * Linear(cell.R) + 0.7152 * Linear(cell.G) + 0.0722 * Linear(cell.B);
        return luminance > 0.408 ? FigureStyle.DarkText : Colors.White;
    }
}
