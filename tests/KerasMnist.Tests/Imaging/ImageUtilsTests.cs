using KerasMnist.Imaging;
using KerasMnist.Tests.Fixtures;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Imaging;

/// <summary>keras.utils.load_img / img_to_array / array_to_img / save_img with Keras's (PIL's) semantics.</summary>
public sealed class ImageUtilsTests : IDisposable
{
    readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    string Write(Image image, string name)
    {
        var path = folder.Combine(name);
        ImageFile.Save(image, path);
        return path;
    }

    static Image Rgb(int width, int height, Func<int, int, (byte r, byte g, byte b)> colour)
    {
        var bytes = new byte[width * height * 3];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                var (r, g, b) = colour(x, y);
                int i = (y * width + x) * 3;
                (bytes[i], bytes[i + 1], bytes[i + 2]) = (r, g, b);
            }
        return new Image("RGB", width, height, bytes);
    }

    [Fact]
    public void Grayscale_uses_PILs_luma_and_img_to_array_gives_height_width_channels_float32()
    {
        var path = Write(Rgb(3, 2, (x, y) => x == 0 ? ((byte)255, (byte)0, (byte)0) : x == 1 ? ((byte)0, (byte)255, (byte)0) : ((byte)0, (byte)0, (byte)255)), "rgb.png");
        var img = keras.utils.load_img(path, color_mode: "grayscale");
        Assert.Equal("L", img.mode);
        Assert.Equal((3, 2), img.size);
        using var x = keras.utils.img_to_array(img);
        Assert.Equal(new long[] { 2, 3, 1 }, x.shape);
        Assert.Equal(ScalarType.Float32, x.dtype);
        // PIL: L = (R*19595 + G*38470 + B*7471 + 0x8000) >> 16 -> 76, 150, 29.
        Assert.Equal(new float[] { 76, 150, 29, 76, 150, 29 }, x.data<float>().ToArray());
    }

    [Fact]
    public void Default_mode_is_rgb_and_rgba_keeps_alpha()
    {
        var rgba = new Image("RGBA", 2, 1, [10, 20, 30, 0, 40, 50, 60, 255]);
        var path = Write(rgba, "alpha.png");
        using var rgb = keras.utils.img_to_array(keras.utils.load_img(path));
        Assert.Equal(new long[] { 1, 2, 3 }, rgb.shape);
        Assert.Equal(new float[] { 10, 20, 30, 40, 50, 60 }, rgb.data<float>().ToArray()); // alpha dropped, not composited
        using var withAlpha = keras.utils.img_to_array(keras.utils.load_img(path, color_mode: "rgba"));
        Assert.Equal(new long[] { 1, 2, 4 }, withAlpha.shape);
        Assert.Equal(new float[] { 10, 20, 30, 0, 40, 50, 60, 255 }, withAlpha.data<float>().ToArray());
        using var first = keras.utils.img_to_array(keras.utils.load_img(path, color_mode: "rgb"), data_format: "channels_first");
        Assert.Equal(new long[] { 3, 1, 2 }, first.shape);
    }

    [Fact]
    public void Target_size_is_height_width_and_nearest_is_the_default()
    {
        // Columns 0..3 hold 0, 80, 160, 240; nearest from 4 to 2 columns takes columns 1 and 3 (PIL samples at (i + 0.5) * 2).
        var path = Write(Rgb(4, 6, (x, _) => ((byte)(80 * x), (byte)(80 * x), (byte)(80 * x))), "ramp.png");
        var img = keras.utils.load_img(path, color_mode: "grayscale", target_size: (3, 2));
        Assert.Equal((2, 3), img.size);
        using var nearest = keras.utils.img_to_array(img);
        Assert.Equal(new long[] { 3, 2, 1 }, nearest.shape);
        Assert.Equal(new float[] { 80, 240, 80, 240, 80, 240 }, nearest.data<float>().ToArray());
        // Bilinear widens its triangle filter by the reduction factor 2 (support 2 input pixels); taps outside the image
        // are dropped and the rest renormalised, as in PIL: (0*3 + 80*3 + 160)/7 = 57, (80 + 160*3 + 240*3)/7 = 183.
        using var bilinear = keras.utils.img_to_array(keras.utils.load_img(path, color_mode: "grayscale", target_size: (3, 2), interpolation: "bilinear"));
        Assert.Equal(new float[] { 57, 183, 57, 183, 57, 183 }, bilinear.data<float>().ToArray());
    }

    [Fact]
    public void Keep_aspect_ratio_resizes_the_centred_crop()
    {
        // 60x20: black left and right thirds, white middle. A square target crops the middle 20x20: all white.
        var path = Write(Rgb(60, 20, (x, _) => x is >= 20 and < 40 ? ((byte)255, (byte)255, (byte)255) : ((byte)0, (byte)0, (byte)0)), "wide.png");
        using var cropped = keras.utils.img_to_array(keras.utils.load_img(path, color_mode: "grayscale", target_size: (10, 10), keep_aspect_ratio: true));
        Assert.Equal(255f, cropped.min().item<float>());
        using var squeezed = keras.utils.img_to_array(keras.utils.load_img(path, color_mode: "grayscale", target_size: (10, 10)));
        Assert.Equal(0f, squeezed.min().item<float>());
    }

    [Fact]
    public void Bad_arguments_are_refused_as_in_Keras()
    {
        var path = Write(Rgb(2, 2, (_, _) => (1, 2, 3)), "small.png");
        var mode = Assert.Throws<ArgumentException>(() => keras.utils.load_img(path, color_mode: "cmyk"));
        Assert.Contains("color_mode must be \"grayscale\", \"rgb\", or \"rgba\"", mode.Message);
        var method = Assert.Throws<ArgumentException>(() => keras.utils.load_img(path, target_size: (4, 4), interpolation: "cubic"));
        Assert.Contains("Invalid interpolation method cubic", method.Message);
    }

    [Fact]
    public void Array_to_img_stretches_to_0_255_and_save_img_round_trips()
    {
        using var x = tensor(new float[] { -1, 0, 1, 3 }, [2, 2, 1]);
        var img = keras.utils.array_to_img(x);
        Assert.Equal("L", img.mode);
        Assert.Equal(new byte[] { 0, 63, 127, 255 }, img.Pixels.ToArray()); // (x - min) / (max - min) * 255, truncated
        var path = folder.Combine("saved.png");
        keras.utils.save_img(path, x);
        using var back = keras.utils.img_to_array(keras.utils.load_img(path, color_mode: "grayscale"));
        Assert.Equal(new float[] { 0, 63, 127, 255 }, back.data<float>().ToArray());
        using var unscaled = tensor(new float[] { 10, 20, 30, 40, 50, 60 }, [1, 2, 3]);
        Assert.Equal(new byte[] { 10, 20, 30, 40, 50, 60 }, keras.utils.array_to_img(unscaled, scale: false).Pixels.ToArray());
        Assert.Throws<ArgumentException>(() => keras.utils.array_to_img(tensor(new float[] { 1, 2 }, [1, 2])));
    }
}
