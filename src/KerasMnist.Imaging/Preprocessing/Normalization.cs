namespace KerasMnist.Imaging.Preprocessing;

public static partial class MnistPreprocessing
{
    /// <summary>The side of the box the longer side of a digit is scaled to: 20 pixels, as in MNIST.</summary>
    public const int DigitBox = 20;

    /// <summary>The side of the MNIST image: 28 pixels.</summary>
    public const int ImageSize = 28;

    /// <summary>
    /// The typical stroke width of an MNIST digit in its 28x28 image, in pixels, measured as <see cref="StrokeWidth"/>
    /// at half intensity: the median over the 10,000 MNIST test digits is 2.0 (10 % are below 1.5; checked by a test).
    /// </summary>
    public const float MnistStrokeWidth = 2.0f;

    /// <summary>
    /// A stroke that would come out thinner than this share of <see cref="MnistStrokeWidth"/> after scaling is
    /// thickened to it: a ball-pen digit photographed at 400 px shrinks to a faint hairline at 20 px otherwise.
    /// </summary>
    public const float ThinStrokeFraction = 0.6f;

    /// <summary>
    /// Step 6, crop to the ink's bounding box: the smallest rectangle holding every value above <paramref name="level"/>.
    /// </summary>
    /// <returns>The cropped copy, or null when nothing is above the level.</returns>
    public static GrayImage? CropToInk(GrayImage ink, float level = 0)
    {
        int left = int.MaxValue, top = int.MaxValue, right = -1, bottom = -1;
        for (int y = 0; y < ink.Height; y++)
            for (int x = 0; x < ink.Width; x++)
                if (ink[x, y] > level)
                {
                    left = Math.Min(left, x);
                    right = Math.Max(right, x);
                    top = Math.Min(top, y);
                    bottom = Math.Max(bottom, y);
                }
        return right < 0 ? null : ink.Crop(left, top, right - left + 1, bottom - top + 1);
    }

    /// <summary>
    /// The mean stroke width in pixels, estimated as <c>2 A / P</c> from the area A and the perimeter P (pixel edges
    /// between ink and background) of the pixels at half intensity or more: for a stroke of width w and length L,
    /// A = wL and P ≈ 2L. 0 for no ink.
    /// </summary>
    public static float StrokeWidth(GrayImage ink)
    {
        long area = 0, perimeter = 0;
        bool On(int x, int y) => x >= 0 && y >= 0 && x < ink.Width && y < ink.Height && ink[x, y] >= 127.5f;
        for (int y = 0; y < ink.Height; y++)
            for (int x = 0; x < ink.Width; x++)
            {
                if (!On(x, y)) continue;
                area++;
                perimeter += (On(x - 1, y) ? 0 : 1) + (On(x + 1, y) ? 0 : 1) + (On(x, y - 1) ? 0 : 1) + (On(x, y + 1) ? 0 : 1);
            }
        return perimeter == 0 ? 0 : 2f * area / perimeter;
    }

    /// <summary>
    /// Step 7 (beyond MNIST's recipe, whose digits were all written with similar pens): thickens strokes that would
    /// come out thinner than <see cref="ThinStrokeFraction"/> of <see cref="MnistStrokeWidth"/> once the longer side
    /// is <see cref="DigitBox"/> pixels, by a grey-scale dilation before scaling. Thick strokes are left alone.
    /// </summary>
    /// <param name="cropped">A digit cropped to its ink (<see cref="CropToInk"/>).</param>
    /// <returns>The same image when the strokes are thick enough, else a thickened one cropped to its ink.</returns>
    public static GrayImage NormalizeStrokeWidth(GrayImage cropped)
    {
        float scale = (float)DigitBox / Math.Max(cropped.Width, cropped.Height);
        float width = StrokeWidth(cropped);
        float wanted = MnistStrokeWidth / scale;
        if (width * scale >= ThinStrokeFraction * MnistStrokeWidth) return cropped;
        int size = Math.Max(2, (int)MathF.Round(wanted - width) + 1);
        int pad = size;
        var padded = new GrayImage(cropped.Width + 2 * pad, cropped.Height + 2 * pad);
        for (int y = 0; y < cropped.Height; y++)
            Array.Copy(cropped.Pixels, y * cropped.Width, padded.Pixels, (y + pad) * padded.Width + pad, cropped.Width);
        return CropToInk(Morphology.Dilate(padded, size))!;
    }

    /// <summary>
    /// Step 8, size normalisation as MNIST's (LeCun, Bottou, Bengio, Haffner, Proc. IEEE 86(11), 1998; and
    /// yann.lecun.com/exdb/mnist): the longer side becomes <paramref name="box"/> pixels, the aspect ratio is kept,
    /// and the scaling is anti-aliased (PIL's bilinear filter, widened when shrinking, so thin strokes become grey
    /// rather than broken). The peak is stretched back to 255 when shrinking left it fainter.
    /// </summary>
    public static GrayImage ScaleToBox(GrayImage cropped, int box = DigitBox)
    {
        float scale = (float)box / Math.Max(cropped.Width, cropped.Height);
        int width = Math.Clamp((int)MathF.Round(cropped.Width * scale), 1, box);
        int height = Math.Clamp((int)MathF.Round(cropped.Height * scale), 1, box);
        var scaled = Resampling.Resize(cropped.Pixels, cropped.Width, cropped.Height, 1, width, height, "bilinear");
        float peak = scaled.Max();
        float gain = peak > 0 && peak < 255 ? 255f / peak : 1f;
        for (int i = 0; i < scaled.Length; i++) scaled[i] = Math.Clamp(scaled[i] * gain, 0f, 255f);
        return new GrayImage(width, height, scaled);
    }

    /// <summary>The centre of mass (x, y) in pixel indices: the intensity-weighted mean column and row.</summary>
    public static (double x, double y) CenterOfMass(GrayImage image)
    {
        double sum = 0, sx = 0, sy = 0;
        for (int y = 0; y < image.Height; y++)
            for (int x = 0; x < image.Width; x++)
            {
                float v = image[x, y];
                sum += v;
                sx += v * x;
                sy += v * y;
            }
        return sum == 0 ? ((image.Width - 1) / 2.0, (image.Height - 1) / 2.0) : (sx / sum, sy / sum);
    }

    /// <summary>
    /// Step 9, MNIST's centring: the digit is placed in a <paramref name="size"/> x <paramref name="size"/> black
    /// image, translated by whole pixels so that its centre of mass lands nearest to (size/2, size/2) = (14, 14),
    /// as MNIST's digits were. The shift is limited so no ink falls outside the image.
    /// </summary>
    /// <exception cref="ArgumentException">The digit is larger than the image.</exception>
    public static GrayImage CenterByMass(GrayImage digit, int size = ImageSize)
    {
        if (digit.Width > size || digit.Height > size)
            throw new ArgumentException($"A {digit.Width}x{digit.Height} digit does not fit a {size}x{size} image; scale it first.");
        var (cx, cy) = CenterOfMass(digit);
        int left = Math.Clamp((int)Math.Round(size / 2.0 - cx), 0, size - digit.Width);
        int top = Math.Clamp((int)Math.Round(size / 2.0 - cy), 0, size - digit.Height);
        var result = new GrayImage(size, size);
        for (int y = 0; y < digit.Height; y++)
            Array.Copy(digit.Pixels, y * digit.Width, result.Pixels, (top + y) * size + left, digit.Width);
        return result;
    }
}
