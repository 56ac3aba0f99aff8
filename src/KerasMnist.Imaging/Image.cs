namespace KerasMnist.Imaging;

/// <summary>
/// A decoded 8-bit image, the counterpart of the <c>PIL.Image.Image</c> that <c>keras.utils.load_img</c> returns:
/// a <see cref="mode"/> (<c>"L"</c> grey, <c>"RGB"</c>, <c>"RGBA"</c>), a <see cref="size"/> as PIL gives it
/// (width, height), and the pixels row by row, channels interleaved (<c>H x W x C</c> bytes, as
/// <c>np.asarray(img)</c> sees them). Immutable: every operation returns a new image.
/// </summary>
public sealed class Image
{
    readonly byte[] pixels;

    /// <summary>Wraps <paramref name="pixels"/> (not copied): <c>height * width * channels</c> bytes, row-major.</summary>
    /// <exception cref="ArgumentException">An unknown mode, a non-positive size, or a buffer of the wrong length.</exception>
    public Image(string mode, int width, int height, byte[] pixels)
    {
        int channels = ChannelsOf(mode);
        if (width < 1 || height < 1)
            throw new ArgumentException($"An image needs a positive width and height, got {width}x{height}.");
        if (pixels.Length != (long)width * height * channels)
            throw new ArgumentException($"A {mode} image of {width}x{height} needs {(long)width * height * channels} bytes, got {pixels.Length}.");
        this.mode = mode;
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    /// <summary>PIL's mode: <c>"L"</c> (8-bit grey), <c>"RGB"</c> or <c>"RGBA"</c> (alpha not premultiplied).</summary>
    public string mode { get; }

    /// <summary>Width in pixels.</summary>
    public int width { get; }

    /// <summary>Height in pixels.</summary>
    public int height { get; }

    /// <summary>PIL's <c>img.size</c>: <c>(width, height)</c>, the reverse of the array's <c>(height, width)</c>.</summary>
    public (int width, int height) size => (width, height);

    /// <summary>Bytes per pixel: 1, 3 or 4.</summary>
    public int Channels => ChannelsOf(mode);

    /// <summary>The pixels, <c>height * width * Channels</c> bytes, row-major, channels interleaved.</summary>
    public ReadOnlySpan<byte> Pixels => pixels;

    /// <summary>The channel count of a PIL mode.</summary>
    /// <exception cref="ArgumentException">The mode is not L, RGB or RGBA.</exception>
    public static int ChannelsOf(string mode) => mode switch
    {
        "L" => 1,
        "RGB" => 3,
        "RGBA" => 4,
        _ => throw new ArgumentException($"Unsupported image mode '{mode}': use \"L\", \"RGB\" or \"RGBA\"."),
    };

    /// <summary>
    /// PIL's <c>img.convert(mode)</c> between L, RGB and RGBA: to L by ITU-R 601-2 luma
    /// (<c>L = R * 299/1000 + G * 587/1000 + B * 114/1000</c>, in PIL's fixed-point form), dropping alpha as PIL
    /// does; from L by copying the grey into R, G and B; alpha 255 where there was none.
    /// </summary>
    public Image convert(string mode)
    {
        int to = ChannelsOf(mode);
        if (mode == this.mode) return this;
        int from = Channels;
        int n = width * height;
        var result = new byte[n * to];
        for (int i = 0; i < n; i++)
        {
            int s = i * from, d = i * to;
            if (to == 1)
            {
                result[d] = from == 1 ? pixels[s] : Luma(pixels[s], pixels[s + 1], pixels[s + 2]);
                continue;
            }
            byte r = pixels[s], g = from == 1 ? r : pixels[s + 1], b = from == 1 ? r : pixels[s + 2];
            result[d] = r;
            result[d + 1] = g;
            result[d + 2] = b;
            if (to == 4) result[d + 3] = from == 4 ? pixels[s + 3] : (byte)255;
        }
        return new Image(mode, width, height, result);
    }

    /// <summary>PIL's grey from RGB (libImaging/Convert.c's L24 weights 19595, 38470, 7471 over 2^16, rounded).</summary>
    public static byte Luma(byte r, byte g, byte b) => (byte)((r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16);

    /// <inheritdoc/>
    public override string ToString() => $"<Image mode={mode} size={width}x{height}>";
}
