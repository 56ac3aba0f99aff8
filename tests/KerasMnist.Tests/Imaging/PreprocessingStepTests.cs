using KerasMnist.Imaging;
using KerasMnist.Imaging.Preprocessing;
using SkiaSharp;
using static KerasMnist.Imaging.Preprocessing.MnistPreprocessing;

namespace KerasMnist.Tests.Imaging;

/// <summary>Each MNIST preprocessing step on small synthetic images with known answers.</summary>
public sealed class PreprocessingStepTests
{
    // A ring drawn white on black: the ink's shape, 0..255, independent of how it is then printed.
    static GrayImage RingMask(int width, int height, float stroke = 5) =>
        ToGrayscale(TestImages.Sketch(width, height, SKColors.Black, TestImages.Ring(width / 2f, height / 2f, width / 5f, height / 3f, SKColors.White, stroke)));

    // The mask printed on paper whose tone is paper(x, y), ink darker by contrast (dark on light) or lighter.
    static GrayImage Shade(GrayImage mask, Func<int, int, float> paper, float contrast)
    {
        var result = new GrayImage(mask.Width, mask.Height);
        for (int y = 0; y < mask.Height; y++)
            for (int x = 0; x < mask.Width; x++)
                result[x, y] = paper(x, y) + contrast * mask[x, y] / 255f;
        return result;
    }

    static double IoU(bool[] a, bool[] b)
    {
        int both = 0, either = 0;
        for (int i = 0; i < a.Length; i++)
        {
            both += a[i] && b[i] ? 1 : 0;
            either += a[i] || b[i] ? 1 : 0;
        }
        return (double)both / either;
    }

    [Fact]
    public void Polarity_is_found_both_ways_and_under_a_lighting_gradient()
    {
        var mask = RingMask(80, 80);
        var darkOnWhite = Shade(mask, (_, _) => 250, -200);
        var whiteOnBlack = Shade(mask, (_, _) => 10, 200);
        var darkUnderGradient = Shade(mask, (x, _) => 100 + 150 * x / 79f, -70);    // paper 100..250, ink 70 darker
        var lightUnderGradient = Shade(mask, (x, _) => 10 + 120 * x / 79f, 70);

        Assert.True(IsDarkInkOnLight(darkOnWhite));
        Assert.False(IsDarkInkOnLight(whiteOnBlack));
        Assert.True(IsDarkInkOnLight(darkUnderGradient));
        Assert.False(IsDarkInkOnLight(lightUnderGradient));

        var inverted = ToInkOnBlack(darkOnWhite, out bool wasInverted);
        Assert.True(wasInverted);
        Assert.Equal(5f, inverted[0, 0]);                   // paper 250 -> 5
        var kept = ToInkOnBlack(whiteOnBlack, out bool keptInverted);
        Assert.False(keptInverted);
        Assert.Same(whiteOnBlack, kept);
    }

    [Fact]
    public void Background_flattening_lets_one_threshold_find_the_ink_under_uneven_light()
    {
        // Paper from 90 (left) to 250 (right), ink 70 darker: the ink on the right (about 180) is lighter than the
        // paper on the left, so no single threshold on the raw image separates them.
        var mask = RingMask(120, 90);
        var photo = Shade(mask, (x, y) => 90 + 160 * x / 119f, -70);
        var truth = mask.Pixels.Select(v => v > 127).ToArray();

        var inkOnBlack = ToInkOnBlack(photo, out _);
        float raw = OtsuThreshold(inkOnBlack);
        double rawIoU = IoU(truth, inkOnBlack.Pixels.Select(v => v > raw).ToArray());

        var flattened = FlattenBackground(inkOnBlack);
        var ink = FindInk(flattened, OtsuThreshold(flattened));
        double flatIoU = IoU(truth, ink.Ink.Pixels.Select(v => v > 127).ToArray());

        Assert.True(rawIoU < 0.5, $"Otsu on the raw image should fail under this gradient, IoU {rawIoU:F2}");
        Assert.True(flatIoU > 0.8, $"after flattening, the ink found matches the drawn ring: IoU {flatIoU:F2}");
        Assert.Single(ink.Components);
    }

    [Fact]
    public void Crop_finds_the_inks_bounding_box_and_ignores_a_speck()
    {
        var page = new GrayImage(100, 100);
        for (int y = 20; y < 50; y++)
            for (int x = 40; x < 46; x++) page[x, y] = 255;
        page[5, 5] = 255; // a speck of dust far from the digit
        var ink = FindInk(FlattenBackground(page), OtsuThreshold(FlattenBackground(page)));
        Assert.Single(ink.Components);
        Assert.Equal(new InkComponent(1, 180, 40, 20, 46, 50), ink.Components[0]);
        var cropped = CropToInk(ink.Ink)!;
        Assert.Equal((6, 30), (cropped.Width, cropped.Height));
        Assert.Null(CropToInk(new GrayImage(5, 5)));
    }

    [Theory]
    [InlineData(6, 30, 4, 20)]
    [InlineData(40, 10, 20, 5)]
    [InlineData(10, 10, 20, 20)]
    [InlineData(3, 90, 1, 20)]
    public void Scaling_makes_the_longer_side_20_pixels_and_keeps_the_aspect_ratio(int width, int height, int scaledWidth, int scaledHeight)
    {
        var block = new GrayImage(width, height, Enumerable.Repeat(255f, width * height).ToArray());
        var scaled = ScaleToBox(block);
        Assert.Equal((scaledWidth, scaledHeight), (scaled.Width, scaled.Height));
        Assert.InRange(scaled.Pixels.Max(), 254.5f, 255f);
    }

    [Fact]
    public void Shrinking_anti_aliases_a_thin_line_into_grey_instead_of_dropping_it()
    {
        // A 1-pixel line every 4 pixels of an 80x80 image, shrunk 4x: every output column keeps a quarter of the ink.
        var lines = new GrayImage(80, 80);
        for (int y = 0; y < 80; y++)
            for (int x = 1; x < 80; x += 4) lines[x, y] = 255;
        var scaled = ScaleToBox(lines);
        Assert.All(scaled.Pixels, v => Assert.InRange(v, 200f, 255f)); // stretched to the peak: uniformly grey-to-full, no gaps
        var nearest = Resampling.Resize(lines.Pixels, 80, 80, 1, 20, 20, "nearest");
        Assert.All(nearest, v => Assert.Equal(0f, v));                // what skipping pixels would give
    }

    [Fact]
    public void Centring_puts_the_centre_of_mass_within_half_a_pixel_of_14_14()
    {
        var random = new Random(5);
        for (int trial = 0; trial < 20; trial++)
        {
            // An L-shaped digit (mass off its box centre) of random size.
            int w = random.Next(4, 21), h = random.Next(4, 21);
            var digit = new GrayImage(w, h);
            for (int y = 0; y < h; y++) digit[0, y] = 255;
            for (int x = 0; x < w; x++) digit[x, h - 1] = 255;
            var (cx, cy) = CenterOfMass(CenterByMass(digit));
            Assert.InRange(cx, 13.5, 14.5);
            Assert.InRange(cy, 13.5, 14.5);
        }
    }

    [Fact]
    public void Transparent_background_is_composited_so_strokes_stay_visible()
    {
        // Black strokes on a fully transparent canvas, whose hidden colour is black too (as drawing apps save them).
        var transparent = TestImages.Sketch(60, 60, SKColors.Transparent, TestImages.Ring(30, 30, 12, 20, SKColors.Black, 4));
        Assert.Equal("RGBA", transparent.mode);
        var grey = ToGrayscale(transparent);
        Assert.Equal(255f, grey[0, 0]);                            // composited on white
        var opaque = TestImages.Sketch(60, 60, SKColors.White, TestImages.Ring(30, 30, 12, 20, SKColors.Black, 4));
        var fromTransparent = ToMnist(FindInk(transparent));
        var fromOpaque = ToMnist(FindInk(opaque));
        Assert.True(TestImages.Correlation(fromTransparent.Pixels, fromOpaque.Pixels) > 0.98);

        var whiteStrokes = TestImages.Sketch(60, 60, SKColors.Transparent, TestImages.Ring(30, 30, 12, 20, SKColors.White, 4));
        Assert.Equal(0f, ToGrayscale(whiteStrokes)[0, 0]);         // white strokes land on black
    }

    [Fact]
    public void Thin_strokes_of_a_large_image_are_thickened_to_an_MNIST_pen()
    {
        var hairline = TestImages.Sketch(300, 300, SKColors.White, TestImages.Ring(150, 150, 70, 120, SKColors.Black, 2));
        var cropped = CropToInk(FindInk(hairline).Ink)!;
        float unnormalised = StrokeWidth(ScaleToBox(cropped));
        float normalised = StrokeWidth(ScaleToBox(NormalizeStrokeWidth(cropped)));
        Assert.True(unnormalised < 1.0f, $"a 2-pixel pen at 240 pixels shrinks to a hairline: {unnormalised:F2}");
        Assert.InRange(normalised, ThinStrokeFraction * MnistStrokeWidth, 2 * MnistStrokeWidth);

        var bold = TestImages.Sketch(60, 60, SKColors.White, TestImages.Ring(30, 30, 12, 20, SKColors.Black, 5));
        var boldCropped = CropToInk(FindInk(bold).Ink)!;
        Assert.Same(boldCropped, NormalizeStrokeWidth(boldCropped));
    }

    [Fact]
    public void Output_keeps_grey_levels_like_MNISTs_anti_aliased_strokes()
    {
        var ring = TestImages.Sketch(90, 90, SKColors.White, TestImages.Ring(45, 45, 18, 30, SKColors.Black, 6));
        var digit = ToMnist(FindInk(ring));
        int ink = digit.Pixels.Count(v => v > 0), grey = digit.Pixels.Count(v => v is > 0 and < 250);
        Assert.InRange(digit.Pixels.Max(), 254.5f, 255f);
        Assert.True(grey > 0.25 * ink, $"{grey} of {ink} ink pixels are grey; a hard binary would have none");
    }
}
