using KerasMnist.Imaging;
using KerasMnist.Imaging.Preprocessing;
using SkiaSharp;

namespace KerasMnist.Tests.Imaging;

/// <summary>Synthetic images for the imaging tests: strokes drawn with SkiaSharp, MNIST digits rendered like scans.</summary>
internal static class TestImages
{
    /// <summary>An RGB image of <paramref name="width"/> x <paramref name="height"/> on <paramref name="paper"/>, drawn by <paramref name="draw"/> (anti-aliased).</summary>
    public static Image Sketch(int width, int height, SKColor paper, Action<SKCanvas> draw)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(paper);
            draw(canvas);
        }
        var rgba = bitmap.GetPixelSpan().ToArray();
        return new Image("RGBA", width, height, rgba).convert(paper.Alpha == 255 ? "RGB" : "RGBA");
    }

    public static SKPaint Pen(SKColor colour, float width) =>
        new() { Color = colour, StrokeWidth = width, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeCap = SKStrokeCap.Round };

    /// <summary>A ring (a zero) of the given stroke, centred at (cx, cy).</summary>
    public static Action<SKCanvas> Ring(float cx, float cy, float rx, float ry, SKColor ink, float stroke) =>
        canvas =>
        {
            using var pen = Pen(ink, stroke);
            canvas.DrawOval(cx, cy, rx, ry, pen);
        };

    /// <summary>
    /// An MNIST digit as a scan: scaled by <paramref name="scale"/> (bilinear), placed with its top-left corner at
    /// (<paramref name="left"/>, <paramref name="top"/>) on a <paramref name="width"/> x <paramref name="height"/> page,
    /// dark ink (<paramref name="ink"/>) on paper of <paramref name="paper"/> when <paramref name="darkOnLight"/>.
    /// </summary>
    public static GrayImage Place(GrayImage page, GrayImage digit, int left, int top, float scale)
    {
        int size = (int)MathF.Round(28 * scale);
        var scaled = Resampling.Resize(digit.Pixels, 28, 28, 1, size, size, "bilinear");
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++)
            {
                int px = left + x, py = top + y;
                if (px < 0 || py < 0 || px >= page.Width || py >= page.Height) continue;
                page[px, py] = Math.Max(page[px, py], scaled[y * size + x]);
            }
        return page;
    }

    /// <summary>White-on-black ink (0..255) printed as <paramref name="inkTone"/> on <paramref name="paperTone"/> paper.</summary>
    public static Image Print(GrayImage ink, float paperTone = 235, float inkTone = 30)
    {
        var bytes = new byte[ink.Pixels.Length];
        for (int i = 0; i < bytes.Length; i++)
            bytes[i] = (byte)Math.Clamp(MathF.Round(paperTone + (inkTone - paperTone) * ink.Pixels[i] / 255f), 0, 255);
        return new Image("L", ink.Width, ink.Height, bytes);
    }

    /// <summary>A single MNIST test digit printed dark on light at <paramref name="scale"/>, offset, on a page of <paramref name="size"/> pixels.</summary>
    public static Image Scan(GrayImage digit, int size, int left, int top, float scale) =>
        Print(Place(new GrayImage(size, size), digit, left, top, scale));

    /// <summary>Pearson correlation of two equally long value arrays.</summary>
    public static double Correlation(float[] a, float[] b)
    {
        double ma = a.Average(), mb = b.Average(), sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.Sqrt(saa * sbb);
    }
}
