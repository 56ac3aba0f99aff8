using KerasMnist.Keras;
using TorchSharp;
using static TorchSharp.torch;

namespace KerasMnist.Imaging;

/// <summary>
/// Keras's image utilities (keras/src/utils/image_utils.py) as extension methods on <c>keras.utils</c>, so C# reads
/// as Python: <c>keras.utils.load_img(path, color_mode: "grayscale", target_size: (28, 28))</c>, then
/// <c>keras.utils.img_to_array(img)</c>. They live in this assembly, not in the Keras library, because decoding
/// needs SkiaSharp (where Keras needs PIL).
/// </summary>
public static class ImageUtils
{
    /// <summary>
    /// <c>keras.utils.load_img(path, color_mode="rgb", target_size=None, interpolation="nearest", keep_aspect_ratio=False)</c>:
    /// decodes the file and converts it to the colour mode as PIL's <c>convert</c> does (grey by ITU-R 601-2 luma,
    /// alpha dropped, not composited), then resizes to <paramref name="target_size"/> <c>(height, width)</c> with
    /// PIL's filter. With <paramref name="keep_aspect_ratio"/> the largest centred crop of the target's aspect is
    /// resized instead of the whole image. Differences from PIL: 16-bit files are reduced to 8 bits (PIL keeps
    /// "I;16"), and images above <see cref="ImageFile.MaxPixels"/> are refused.
    /// </summary>
    /// <returns>The image (Keras: a PIL Image), mode "L", "RGB" or "RGBA".</returns>
    /// <exception cref="ArgumentException">color_mode is not grayscale/rgb/rgba, or interpolation is unknown.</exception>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="ImageInputException">Not an image, truncated, or too large.</exception>
    public static Image load_img(this UtilsApi utils, string path, string color_mode = "rgb", (int height, int width)? target_size = null,
        string interpolation = "nearest", bool keep_aspect_ratio = false)
    {
        string mode = color_mode switch
        {
            "grayscale" => "L",
            "rgb" => "RGB",
            "rgba" => "RGBA",
            _ => throw new ArgumentException("color_mode must be \"grayscale\", \"rgb\", or \"rgba\""),
        };
        if (target_size is not null && !Resampling.Methods.Contains(interpolation))
            throw new ArgumentException($"Invalid interpolation method {interpolation} specified. Supported methods are {string.Join(", ", Resampling.Methods)}");
        var img = ImageFile.Load(path).convert(mode);
        if (target_size is not (int targetHeight, int targetWidth) || (img.width == targetWidth && img.height == targetHeight))
            return img;
        if (!keep_aspect_ratio)
            return Resampling.Resize(img, targetWidth, targetHeight, interpolation);

        int width = img.width, height = img.height;
        int cropHeight = Math.Min(height, width * targetHeight / targetWidth);
        int cropWidth = Math.Min(width, height * targetWidth / targetHeight);
        int top = (height - cropHeight) / 2, left = (width - cropWidth) / 2;
        return Resampling.Resize(img, targetWidth, targetHeight, interpolation, (left, top, left + cropWidth, top + cropHeight));
    }

    /// <summary>
    /// <c>keras.utils.img_to_array(img, data_format=None, dtype=None)</c>: float32 pixels 0..255, <c>(height, width,
    /// channels)</c> (channels 1 for "L"), or <c>(channels, height, width)</c> for <c>"channels_first"</c>.
    /// </summary>
    /// <exception cref="ArgumentException">data_format is neither channels_last nor channels_first.</exception>
    public static Tensor img_to_array(this UtilsApi utils, Image img, string? data_format = null, ScalarType dtype = ScalarType.Float32)
    {
        bool first = DataFormat(data_format);
        var pixels = img.Pixels;
        var values = new float[pixels.Length];
        for (int i = 0; i < values.Length; i++) values[i] = pixels[i];
        var x = tensor(values, [img.height, img.width, img.Channels]);
        if (first) x = x.permute(2, 0, 1).contiguous();
        return dtype == ScalarType.Float32 ? x : x.to_type(dtype);
    }

    /// <summary>
    /// <c>keras.utils.array_to_img(x, data_format=None, scale=True)</c>: a rank-3 array <c>(height, width, channels)</c>
    /// with 1, 3 or 4 channels to an "L", "RGB" or "RGBA" image. With <paramref name="scale"/> the values are
    /// stretched so the minimum becomes 0 and the maximum 255; without, they are truncated to bytes as numpy's
    /// <c>astype("uint8")</c> does for values in 0..255.
    /// </summary>
    /// <exception cref="ArgumentException">Not rank 3, or a channel count other than 1, 3 or 4.</exception>
    public static Image array_to_img(this UtilsApi utils, Tensor x, string? data_format = null, bool scale = true)
    {
        if (x.dim() != 3)
            throw new ArgumentException($"Expected image array to have rank 3 (single image). Got array with shape: ({string.Join(", ", x.shape)})");
        using var scope = NewDisposeScope();
        var hwc = (DataFormat(data_format) ? x.permute(1, 2, 0) : x).to_type(ScalarType.Float32).cpu().contiguous();
        if (scale)
        {
            hwc = hwc - hwc.min();
            var max = hwc.max().item<float>();
            if (max != 0) hwc = hwc / max;
            hwc = hwc * 255f;
        }
        int height = (int)hwc.shape[0], width = (int)hwc.shape[1], channels = (int)hwc.shape[2];
        string mode = channels switch
        {
            1 => "L",
            3 => "RGB",
            4 => "RGBA",
            _ => throw new ArgumentException($"Unsupported channel number: {channels}"),
        };
        var values = hwc.data<float>().ToArray();
        var bytes = new byte[values.Length];
        for (int i = 0; i < values.Length; i++) bytes[i] = (byte)Math.Clamp((int)values[i], 0, 255);
        return new Image(mode, width, height, bytes);
    }

    /// <summary>
    /// <c>keras.utils.save_img(path, x, data_format=None, file_format=None, scale=True)</c>: <see cref="array_to_img"/>,
    /// then written as PNG, JPEG or WebP (by <paramref name="file_format"/> or the extension); RGBA becomes RGB for
    /// JPEG, as in Keras. Nothing is written when encoding fails.
    /// </summary>
    /// <exception cref="ImageInputException">A format SkiaSharp does not write (e.g. BMP).</exception>
    public static void save_img(this UtilsApi utils, string path, Tensor x, string? data_format = null, string? file_format = null, bool scale = true) =>
        ImageFile.Save(utils.array_to_img(x, data_format, scale), path, file_format);

    static bool DataFormat(string? data_format) => data_format switch
    {
        null or "channels_last" => false,
        "channels_first" => true,
        _ => throw new ArgumentException($"The `data_format` argument must be one of {{'channels_first', 'channels_last'}}. Received: data_format={data_format}"),
    };
}
