using SkiaSharp;

namespace KerasMnist.Imaging;

/// <summary>
/// Decodes and encodes image files with SkiaSharp (PNG, JPEG, BMP, WebP, GIF's first frame, ICO; writes PNG,
/// JPEG and WebP). The size is read from the header and checked against <see cref="MaxPixels"/> before a single
/// pixel is decoded, so a decompression bomb is refused instead of filling memory.
/// </summary>
public static class ImageFile
{
    /// <summary>
    /// The largest image decoded: 50 megapixels (e.g. 8,660 x 5,773), well above any phone photo (12-48 MP)
    /// and far below what would exhaust memory (4 bytes per pixel decoded, plus the working copies).
    /// </summary>
    public const long MaxPixels = 50_000_000;

    /// <summary>
    /// Decodes <paramref name="path"/> into its natural mode: <c>"L"</c> for a grey file, <c>"RGB"</c> for an opaque
    /// colour one, <c>"RGBA"</c> (not premultiplied) when it has transparency. 16-bit files are reduced to 8 bits.
    /// </summary>
    /// <param name="path">The image file.</param>
    /// <param name="applyOrientation">Turn the pixels as the EXIF orientation says (a phone photo taken upright
    /// is stored sideways). <c>keras.utils.load_img</c> does not (PIL's <c>open</c> ignores it); the digit reader
    /// does, so a photo is read the way a person sees it.</param>
    /// <param name="maxPixels">Refuse images with more pixels than this (default <see cref="MaxPixels"/>).</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ImageInputException">Not an image, truncated, or larger than <paramref name="maxPixels"/>.</exception>
    public static Image Load(string path, bool applyOrientation = false, long maxPixels = MaxPixels)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: no such image file. Check the path.", path);
        using var data = SKData.Create(path)
            ?? throw new ImageInputException(path, ImageProblem.NotAnImage, $"{path}: the file cannot be read (empty, or not readable).");
        using var codec = SKCodec.Create(data)
            ?? throw new ImageInputException(path, ImageProblem.NotAnImage,
                $"{path}: not an image that can be decoded. Use a PNG, JPEG, BMP or WebP file " +
                "(a file renamed to .png, an HTML page or a PDF is not one).");

        var info = codec.Info;
        long pixels = (long)info.Width * info.Height;
        if (pixels > maxPixels)
            throw new ImageInputException(path, ImageProblem.TooLarge,
                $"{path}: {info.Width} x {info.Height} pixels ({pixels / 1e6:F0} megapixels) is more than the " +
                $"{maxPixels / 1e6:F0} megapixels decoded safely. Scale the image down (a digit needs no more than a few hundred pixels) and try again.");

        bool grey = info.ColorType == SKColorType.Gray8;
        bool alpha = !grey && info.AlphaType != SKAlphaType.Opaque;
        var target = new SKImageInfo(info.Width, info.Height, grey ? SKColorType.Gray8 : SKColorType.Rgba8888,
            grey ? SKAlphaType.Opaque : SKAlphaType.Unpremul);
        var buffer = new byte[target.BytesSize];
        var pinned = System.Runtime.InteropServices.GCHandle.Alloc(buffer, System.Runtime.InteropServices.GCHandleType.Pinned);
        SKCodecResult result;
        try
        {
            result = codec.GetPixels(target, pinned.AddrOfPinnedObject());
        }
        finally
        {
            pinned.Free();
        }
        // Skia fills what is missing of a truncated file and says IncompleteInput: refuse rather than read half an image.
        if (result is SKCodecResult.IncompleteInput or SKCodecResult.ErrorInInput)
            throw new ImageInputException(path, ImageProblem.Truncated,
                $"{path}: the image data is incomplete (the file is truncated or damaged). Copy or export the image again.");
        if (result != SKCodecResult.Success)
            throw new ImageInputException(path, ImageProblem.NotAnImage, $"{path}: the image cannot be decoded ({result}).");

        var image = grey ? new Image("L", info.Width, info.Height, buffer) : new Image("RGBA", info.Width, info.Height, buffer);
        if (!grey && !alpha) image = image.convert("RGB");
        return applyOrientation ? Orientation.Apply(image, codec.EncodedOrigin) : image;
    }

    /// <summary>
    /// Writes <paramref name="image"/> to <paramref name="path"/> as PNG, JPEG (quality 95) or WebP, chosen by
    /// <paramref name="format"/> or else the extension. The bytes are encoded before the file is opened and land under
    /// a temporary name first, so a failure leaves no half-written file.
    /// </summary>
    /// <exception cref="ImageInputException">The format is not one SkiaSharp writes (BMP, GIF, ...).</exception>
    public static void Save(Image image, string path, string? format = null)
    {
        var encoded = EncodedFormat(path, format);
        if (encoded == SKEncodedImageFormat.Jpeg && image.mode == "RGBA")
            image = image.convert("RGB"); // JPEG has no alpha; Keras's save_img converts the same way
        using var bitmap = ToBitmap(image);
        using var data = bitmap.Encode(encoded, 95)
            ?? throw new ImageInputException(path, ImageProblem.UnsupportedFormat, $"{path}: SkiaSharp could not encode the image as {encoded}.");
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        string temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = File.Create(temporary))
                data.SaveTo(file);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    static SKEncodedImageFormat EncodedFormat(string path, string? format)
    {
        string name = (format ?? Path.GetExtension(path).TrimStart('.')).ToLowerInvariant();
        return name switch
        {
            "png" => SKEncodedImageFormat.Png,
            "jpg" or "jpeg" => SKEncodedImageFormat.Jpeg,
            "webp" => SKEncodedImageFormat.Webp,
            _ => throw new ImageInputException(path, ImageProblem.UnsupportedFormat,
                $"{path}: cannot write '{name}' images; SkiaSharp writes PNG, JPEG and WebP. Use one of the extensions .png, .jpg or .webp."),
        };
    }

    static SKBitmap ToBitmap(Image image)
    {
        var (colorType, alphaType, channels) = image.mode switch
        {
            "L" => (SKColorType.Gray8, SKAlphaType.Opaque, 1),
            "RGB" => (SKColorType.Rgba8888, SKAlphaType.Opaque, 4), // as RGBA with alpha 255: SkiaSharp's JPEG encoder takes no Rgb888x
            _ => (SKColorType.Rgba8888, SKAlphaType.Unpremul, 4),
        };
        var bitmap = new SKBitmap(new SKImageInfo(image.width, image.height, colorType, alphaType));
        var source = image.mode == "RGB" ? image.convert("RGBA").Pixels : image.Pixels;
        var span = bitmap.GetPixelSpan();
        int rowBytes = image.width * channels;
        for (int y = 0; y < image.height; y++)
            source.Slice(y * rowBytes, rowBytes).CopyTo(span.Slice(y * bitmap.RowBytes, rowBytes));
        return bitmap;
    }
}
