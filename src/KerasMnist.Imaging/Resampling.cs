namespace KerasMnist.Imaging;

/// <summary>
/// PIL's <c>Image.resize(size, resample, box)</c> (libImaging/Resample.c), the resize behind
/// <c>keras.utils.load_img(target_size=...)</c>: a separable convolution whose filter widens by the reduction factor
/// when shrinking, so every filter but <c>"nearest"</c> averages (anti-aliases) instead of skipping pixels.
/// SkiaSharp's samplers do not widen the filter, which is why this is not left to SkiaSharp.
/// </summary>
public static class Resampling
{
    /// <summary>The filters <c>keras.utils.load_img</c> accepts (PIL's names in Keras's PIL_INTERPOLATION_METHODS).</summary>
    public static readonly IReadOnlyList<string> Methods = ["nearest", "bilinear", "bicubic", "hamming", "box", "lanczos"];

    /// <summary>
    /// Resizes an 8-bit image to <paramref name="width"/> x <paramref name="height"/> from the region
    /// <paramref name="box"/> <c>(left, upper, right, lower)</c> of the source (whole image when null), rounding
    /// each pass to 8 bits as PIL does (results agree with PIL to within one grey level). RGBA is resized with
    /// premultiplied alpha, as PIL does, so transparent pixels do not bleed their colour.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown method (see <see cref="Methods"/>) or a size below 1.</exception>
    public static Image Resize(Image image, int width, int height, string method = "nearest", (double left, double upper, double right, double lower)? box = null)
    {
        var region = box ?? (0, 0, image.width, image.height);
        int c = image.Channels;
        bool premultiply = image.mode == "RGBA" && method != "nearest";
        var src = new float[image.Pixels.Length];
        var pixels = image.Pixels;
        for (int i = 0; i < src.Length; i++) src[i] = pixels[i];
        if (premultiply)
            for (int i = 0; i < src.Length; i += 4)
                for (int k = 0; k < 3; k++) src[i + k] = MathF.Round(src[i + k] * src[i + 3] / 255f);
        var dst = Resize(src, image.width, image.height, c, width, height, method, region, roundTo8Bits: true);
        var bytes = new byte[dst.Length];
        for (int i = 0; i < dst.Length; i++) bytes[i] = (byte)dst[i];
        if (premultiply)
            for (int i = 0; i < bytes.Length; i += 4)
            {
                int a = bytes[i + 3];
                for (int k = 0; k < 3; k++) bytes[i + k] = a == 0 ? (byte)0 : (byte)Math.Min(255, bytes[i + k] * 255 / a);
            }
        return new Image(image.mode, width, height, bytes);
    }

    /// <summary>
    /// The same resize on float pixels (<paramref name="channels"/> interleaved, row-major), without rounding:
    /// the anti-aliased scaling of the MNIST preprocessing uses it with <c>"bilinear"</c> (a triangle filter,
    /// widened when shrinking, so a shrunken stroke keeps its ink as grey levels).
    /// </summary>
    /// <exception cref="ArgumentException">An unknown method or a size below 1.</exception>
    public static float[] Resize(float[] source, int width, int height, int channels, int outWidth, int outHeight, string method,
        (double left, double upper, double right, double lower)? box = null, bool roundTo8Bits = false)
    {
        if (outWidth < 1 || outHeight < 1)
            throw new ArgumentException($"The target size must be at least 1x1, got {outWidth}x{outHeight}.");
        if (!Methods.Contains(method))
            throw new ArgumentException($"Invalid interpolation method {method} specified. Supported methods are {string.Join(", ", Methods)}");
        var (left, upper, right, lower) = box ?? (0, 0, width, height);
        if (method == "nearest") return Nearest(source, width, height, channels, outWidth, outHeight, left, upper, right, lower);

        var pass = source;
        int w = width;
        if (outWidth != width || left != 0 || right != width)
        {
            pass = Convolve(pass, w, height, channels, horizontal: true, Coefficients(width, left, right, outWidth, method), outWidth, roundTo8Bits);
            w = outWidth;
        }
        if (outHeight != height || upper != 0 || lower != height)
            pass = Convolve(pass, w, height, channels, horizontal: false, Coefficients(height, upper, lower, outHeight, method), outHeight, roundTo8Bits);
        return pass == source ? (float[])source.Clone() : pass;
    }

    static float[] Nearest(float[] src, int w, int h, int c, int outW, int outH, double left, double upper, double right, double lower)
    {
        double sx = (right - left) / outW, sy = (lower - upper) / outH;
        var dst = new float[outW * outH * c];
        for (int y = 0; y < outH; y++)
        {
            int iy = Math.Clamp((int)Math.Floor(upper + (y + 0.5) * sy), 0, h - 1);
            for (int x = 0; x < outW; x++)
            {
                int ix = Math.Clamp((int)Math.Floor(left + (x + 0.5) * sx), 0, w - 1);
                Array.Copy(src, (iy * w + ix) * c, dst, (y * outW + x) * c, c);
            }
        }
        return dst;
    }

    // One output position's input range and normalised weights.
    readonly record struct Taps(int First, double[] Weights);

    static Taps[] Coefficients(int inSize, double in0, double in1, int outSize, string method)
    {
        var (support, filter) = Filter(method);
        double scale = (in1 - in0) / outSize;
        double filterScale = Math.Max(scale, 1.0);
        double radius = support * filterScale;
        var taps = new Taps[outSize];
        for (int i = 0; i < outSize; i++)
        {
            double center = in0 + (i + 0.5) * scale;
            int first = Math.Max(0, (int)(center - radius + 0.5));
            int last = Math.Min(inSize, (int)(center + radius + 0.5));
            var weights = new double[Math.Max(0, last - first)];
            double sum = 0;
            for (int x = 0; x < weights.Length; x++)
                sum += weights[x] = filter((x + first - center + 0.5) / filterScale);
            if (sum != 0)
                for (int x = 0; x < weights.Length; x++) weights[x] /= sum;
            taps[i] = new Taps(first, weights);
        }
        return taps;
    }

    static float[] Convolve(float[] src, int w, int h, int c, bool horizontal, Taps[] taps, int outSize, bool round)
    {
        int outW = horizontal ? outSize : w, outH = horizontal ? h : outSize;
        var dst = new float[outW * outH * c];
        for (int y = 0; y < outH; y++)
            for (int x = 0; x < outW; x++)
            {
                var t = taps[horizontal ? x : y];
                for (int k = 0; k < c; k++)
                {
                    double sum = 0;
                    for (int j = 0; j < t.Weights.Length; j++)
                    {
                        int sx = horizontal ? t.First + j : x, sy = horizontal ? y : t.First + j;
                        sum += t.Weights[j] * src[(sy * w + sx) * c + k];
                    }
                    dst[(y * outW + x) * c + k] = round ? (float)Math.Clamp(Math.Floor(sum + 0.5), 0, 255) : (float)sum;
                }
            }
        return dst;
    }

    static (double support, Func<double, double> filter) Filter(string method) => method switch
    {
        "box" => (0.5, x => x > -0.5 && x <= 0.5 ? 1.0 : 0.0),
        "bilinear" => (1.0, x => Math.Max(0.0, 1.0 - Math.Abs(x))),
        "hamming" => (1.0, x => x == 0 ? 1.0 : Math.Abs(x) >= 1 ? 0.0 : Sinc(x) * (0.54 + 0.46 * Math.Cos(Math.PI * x))),
        "bicubic" => (2.0, Bicubic),
        "lanczos" => (3.0, x => Math.Abs(x) < 3 ? Sinc(x) * Sinc(x / 3) : 0.0),
        _ => throw new ArgumentException($"Invalid interpolation method {method} specified. Supported methods are {string.Join(", ", Methods)}"),
    };

    static double Sinc(double x) => x == 0 ? 1.0 : Math.Sin(Math.PI * x) / (Math.PI * x);

    // Keys's cubic convolution with a = -0.5, PIL's BICUBIC.
    static double Bicubic(double x)
    {
        const double a = -0.5;
        x = Math.Abs(x);
        if (x < 1) return ((a + 2) * x - (a + 3)) * x * x + 1;
        if (x < 2) return (((x - 5) * x + 8) * x - 4) * a;
        return 0;
    }
}
