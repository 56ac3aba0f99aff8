namespace KerasMnist.Imaging.Preprocessing;

/// <summary>
/// A single-channel float image, row-major, values 0..255 (not clamped between steps): what the MNIST preprocessing
/// steps pass from one to the next. <c>this[x, y]</c> is column x, row y.
/// </summary>
public sealed class GrayImage
{
    /// <summary>Wraps <paramref name="pixels"/> (not copied), <c>width * height</c> values.</summary>
    /// <exception cref="ArgumentException">A non-positive size or a buffer of the wrong length.</exception>
    public GrayImage(int width, int height, float[] pixels)
    {
        if (width < 1 || height < 1) throw new ArgumentException($"A grey image needs a positive size, got {width}x{height}.");
        if (pixels.Length != width * height)
            throw new ArgumentException($"A {width}x{height} grey image needs {width * height} values, got {pixels.Length}.");
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    /// <summary>A black image.</summary>
    public GrayImage(int width, int height) : this(width, height, new float[width * height]) { }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>The values, row-major (index <c>y * Width + x</c>).</summary>
    public float[] Pixels { get; }

    /// <summary>The value at column <paramref name="x"/>, row <paramref name="y"/>.</summary>
    public float this[int x, int y]
    {
        get => Pixels[y * Width + x];
        set => Pixels[y * Width + x] = value;
    }

    /// <summary>The rectangle from (<paramref name="left"/>, <paramref name="top"/>), <paramref name="width"/> x <paramref name="height"/>, copied.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The rectangle is not inside the image.</exception>
    public GrayImage Crop(int left, int top, int width, int height)
    {
        if (left < 0 || top < 0 || width < 1 || height < 1 || left + width > Width || top + height > Height)
            throw new ArgumentOutOfRangeException(nameof(width), $"Crop ({left}, {top}, {width}x{height}) is not inside a {Width}x{Height} image.");
        var result = new float[width * height];
        for (int y = 0; y < height; y++)
            Array.Copy(Pixels, (top + y) * Width + left, result, y * width, width);
        return new GrayImage(width, height, result);
    }

    /// <summary>The image as an 8-bit "L" <see cref="Image"/>, values rounded and clamped to 0..255.</summary>
    public Image ToImage()
    {
        var bytes = new byte[Pixels.Length];
        for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)Math.Clamp(MathF.Round(Pixels[i]), 0, 255);
        return new Image("L", Width, Height, bytes);
    }

    /// <summary>An 8-bit grey <see cref="Image"/> as floats; other modes are converted to grey first (PIL's luma).</summary>
    public static GrayImage FromImage(Image image)
    {
        var grey = image.convert("L").Pixels;
        var values = new float[grey.Length];
        for (int i = 0; i < values.Length; i++) values[i] = grey[i];
        return new GrayImage(image.width, image.height, values);
    }
}
