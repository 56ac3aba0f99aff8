using KerasMnist.Plotting;
using SkiaSharp;

namespace KerasMnist.Tests.Plotting;

/// <summary>Decodes saved figures and measures their pixels, for the plotting and visualization tests.</summary>
internal static class PngChecks
{
    /// <summary>Saves <paramref name="figure"/> under <paramref name="dir"/>, then decodes the file and checks its size.</summary>
    public static SKBitmap SaveAndLoad(Figure figure, string dir, string name, int width, int height)
    {
        var path = Path.Combine(dir, name);
        figure.savefig(path);
        Assert.True(File.Exists(path), $"savefig did not write {path}");
        var bitmap = SKBitmap.Decode(path);
        Assert.NotNull(bitmap);
        Assert.Equal((width, height), (bitmap.Width, bitmap.Height));
        return bitmap;
    }

    /// <summary>Number of distinct RGB colours in the bitmap (a blank PNG has 1).</summary>
    public static int DistinctColors(SKBitmap bitmap) =>
        bitmap.Pixels.Select(p => (p.Red, p.Green, p.Blue)).Distinct().Count();

    /// <summary>Fraction of pixels that are not white.</summary>
    public static double NonWhiteFraction(SKBitmap bitmap) =>
        bitmap.Pixels.Count(p => p.Red < 250 || p.Green < 250 || p.Blue < 250) / (double)bitmap.Pixels.Length;

    /// <summary>Pixels darker than <paramref name="below"/> (luminance 0..255) inside the rectangle.</summary>
    public static int DarkPixels(SKBitmap bitmap, SKRectI region, double below = 100) =>
        Pixels(bitmap, region).Count(p => Luminance(p) < below);

    /// <summary>Pixels brighter than <paramref name="above"/> inside the rectangle.</summary>
    public static int BrightPixels(SKBitmap bitmap, SKRectI region, double above = 200) =>
        Pixels(bitmap, region).Count(p => Luminance(p) > above);

    /// <summary>Mean luminance (0..255) inside the rectangle.</summary>
    public static double MeanLuminance(SKBitmap bitmap, SKRectI region) => Pixels(bitmap, region).Average(Luminance);

    /// <summary>Perceived brightness of a colour, 0 (black) to 255 (white).</summary>
    public static double Luminance(SKColor c) => 0.299 * c.Red + 0.587 * c.Green + 0.114 * c.Blue;

    /// <summary>The data area ScottPlot drew subplot <paramref name="index"/> into during the last render.</summary>
    public static SKRectI DataRect(Figure figure, int index)
    {
        var r = figure.axes[index].LastRender.DataRect;
        return new SKRectI((int)r.Left, (int)r.Top, (int)r.Right, (int)r.Bottom);
    }

    /// <summary>A rectangle clipped to the bitmap.</summary>
    public static SKRectI Clip(SKBitmap bitmap, int left, int top, int right, int bottom) =>
        new(Math.Max(0, left), Math.Max(0, top), Math.Min(bitmap.Width, right), Math.Min(bitmap.Height, bottom));

    private static IEnumerable<SKColor> Pixels(SKBitmap bitmap, SKRectI region)
    {
        for (int y = region.Top; y < region.Bottom; y++)
            for (int x = region.Left; x < region.Right; x++)
                yield return bitmap.GetPixel(x, y);
    }
}
