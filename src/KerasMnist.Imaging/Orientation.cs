using SkiaSharp;

namespace KerasMnist.Imaging;

/// <summary>
/// Turns pixels as an EXIF orientation tag says (TIFF/EXIF 2.3, tag 0x0112), so a phone photo stored sideways is
/// read upright. Each case maps a displayed pixel (x, y) to the stored one.
/// </summary>
public static class Orientation
{
    /// <summary>The image as it should be displayed; <see cref="SKEncodedOrigin.TopLeft"/> returns it unchanged.</summary>
    public static Image Apply(Image image, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft) return image;
        int w = image.width, h = image.height, c = image.Channels;
        bool swaps = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        int outW = swaps ? h : w, outH = swaps ? w : h;
        var src = image.Pixels;
        var dst = new byte[src.Length];
        for (int y = 0; y < outH; y++)
            for (int x = 0; x < outW; x++)
            {
                var (sx, sy) = origin switch
                {
                    SKEncodedOrigin.TopRight => (w - 1 - x, y),
                    SKEncodedOrigin.BottomRight => (w - 1 - x, h - 1 - y),
                    SKEncodedOrigin.BottomLeft => (x, h - 1 - y),
                    SKEncodedOrigin.LeftTop => (y, x),
                    SKEncodedOrigin.RightTop => (y, h - 1 - x),
                    SKEncodedOrigin.RightBottom => (w - 1 - y, h - 1 - x),
                    SKEncodedOrigin.LeftBottom => (w - 1 - y, x),
                    _ => (x, y),
                };
                src.Slice((sy * w + sx) * c, c).CopyTo(dst.AsSpan((y * outW + x) * c, c));
            }
        return new Image(image.mode, outW, outH, dst);
    }
}
