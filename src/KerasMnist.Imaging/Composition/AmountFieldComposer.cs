using System.Text.RegularExpressions;
using KerasMnist.Imaging.Preprocessing;
using TorchSharp;
using static TorchSharp.torch;

namespace KerasMnist.Imaging.Composition;

/// <summary>
/// Composes the amount field of a cheque from handwritten digit images with known labels (MNIST's test digits, which
/// no model trained on): a random amount such as <c>347,05</c>, each digit drawn from a random image of its label and
/// written at a random size, with random spacing, a comma on the baseline, a ruled line below, in a random ink colour
/// on paper of a random tone, and the whole field turned slightly, as a scan or photo of a real cheque would be. All
/// randomness comes from the <see cref="Random"/> given, so a seed gives the same fields.
/// </summary>
/// <remarks>
/// The ranges below are chosen so that a person reads every field easily; reading them back through
/// <see cref="Reading.DigitReader"/> (segmentation, MNIST preprocessing, a CNN) tests the whole path from paper to number.
/// No counterpart in Keras: MNIST's own digits were cut from forms in a similar way (NIST Special Database 19).
/// </remarks>
public sealed partial class AmountFieldComposer
{
    /// <summary>The smallest and largest digit height of a field, in pixels (MNIST's digits are 20 pixels high in their 28x28 box).</summary>
    public static readonly (int Min, int Max) DigitHeight = (40, 64);

    /// <summary>How much one digit's size differs from the field's: up to this share either way.</summary>
    public const double SizeJitter = 0.1;

    /// <summary>The space between the ink of neighbouring digits, as shares of the digit height.</summary>
    public static readonly (double Min, double Max) Gap = (0.12, 0.45);

    /// <summary>The largest turn of the whole field either way, in degrees.</summary>
    public const double MaxRotation = 3.0;

    /// <summary>Euro digits of a random amount: 1 to this many (1,00 to 9999,99).</summary>
    public const int MaxEuroDigits = 4;

    /// <summary>Ink colours (RGB): blue ballpoint, black, blue-black; each varied a little.</summary>
    public static readonly IReadOnlyList<(byte R, byte G, byte B)> InkColors = [(28, 48, 150), (25, 25, 30), (20, 30, 85)];

    /// <summary>Paper tones (RGB): white, cream, light grey-blue security paper; each varied a little.</summary>
    public static readonly IReadOnlyList<(byte R, byte G, byte B)> PaperTones = [(248, 248, 245), (246, 240, 222), (232, 238, 244)];

    /// <summary>How much darker than the paper the ruled line is, in grey levels: printed faintly, as on cheques.</summary>
    public static readonly (int Min, int Max) LineContrast = (18, 32);

    readonly IReadOnlyList<GrayImage> digits;
    readonly IReadOnlyList<int>[] byLabel;
    readonly Random random;

    /// <summary>A composer drawing digits from <paramref name="images"/> (28x28, white ink on black, 0..255) with their <paramref name="labels"/> (0-9).</summary>
    /// <exception cref="ArgumentException">The lists differ in length, an image is not 28x28, or a label is outside 0-9.</exception>
    public AmountFieldComposer(IReadOnlyList<GrayImage> images, IReadOnlyList<int> labels, Random random)
    {
        if (images.Count != labels.Count)
            throw new ArgumentException($"Got {images.Count} digit images but {labels.Count} labels; they must pair up.");
        if (images.FirstOrDefault(i => i.Width != 28 || i.Height != 28) is { } wrong)
            throw new ArgumentException($"The digit images must be 28x28 as MNIST's are; got one of {wrong.Width}x{wrong.Height}.");
        if (labels.Any(l => l is < 0 or > 9))
            throw new ArgumentException($"The labels must be digits 0-9; got {labels.First(l => l is < 0 or > 9)}.");
        digits = images;
        byLabel = Enumerable.Range(0, 10).Select(d => (IReadOnlyList<int>)labels.Select((l, i) => (l, i)).Where(p => p.l == d).Select(p => p.i).ToList()).ToArray();
        this.random = random;
    }

    /// <summary>
    /// A composer over tfds's MNIST tensors: <paramref name="images"/> uint8 <c>(N, 28, 28, 1)</c> and
    /// <paramref name="labels"/> int64 <c>(N)</c>, as <c>builder.as_tensors("test")</c> returns them.
    /// </summary>
    /// <exception cref="ArgumentException">The tensors do not have those shapes.</exception>
    public static AmountFieldComposer FromTensors(Tensor images, Tensor labels, Random random)
    {
        if (images.dim() != 4 || images.shape[1] != 28 || images.shape[2] != 28 || images.shape[3] != 1 || labels.dim() != 1)
            throw new ArgumentException($"Expected images of shape (N, 28, 28, 1) and labels of shape (N), got ({string.Join(", ", images.shape)}) and ({string.Join(", ", labels.shape)}).");
        using var pixels = images.to_type(ScalarType.Float32).contiguous();
        var values = pixels.data<float>().ToArray();
        int n = (int)images.shape[0];
        var list = Enumerable.Range(0, n).Select(i => new GrayImage(28, 28, values.AsSpan(i * 784, 784).ToArray())).ToList();
        using var longs = labels.to_type(ScalarType.Int64);
        return new AmountFieldComposer(list, longs.data<long>().ToArray().Select(l => (int)l).ToList(), random);
    }

    /// <summary>A random amount: 1 to <see cref="MaxEuroDigits"/> euro digits (no leading zero), a comma and two cent digits.</summary>
    public string RandomAmount()
    {
        int euroDigits = random.Next(1, MaxEuroDigits + 1);
        var euros = random.Next(1, 10).ToString() + string.Concat(Enumerable.Range(1, euroDigits - 1).Select(_ => random.Next(10)));
        return $"{euros},{random.Next(100):00}";
    }

    /// <summary>Composes a field showing <paramref name="amount"/> (digits with at most one comma, <c>"347,05"</c>), or a <see cref="RandomAmount"/>.</summary>
    /// <exception cref="ArgumentException">The amount is not digits with at most one comma between them, or a digit has no image.</exception>
    public AmountField Compose(string? amount = null)
    {
        amount ??= RandomAmount();
        if (!AmountPattern().IsMatch(amount))
            throw new ArgumentException($"An amount is digits with at most one comma between them, such as 347,05; got '{amount}'.");
        var text = amount.Replace(",", "");
        int comma = amount.IndexOf(',');
        var sources = text.Select(c => Pick(c - '0')).ToList();
        var separators = comma < 0 ? (IReadOnlyList<int>)[] : [comma];

        int height = random.Next(DigitHeight.Min, DigitHeight.Max + 1);
        var glyphs = sources.Select(i => Glyph(digits[i], height * (1 + SizeJitter * (2 * random.NextDouble() - 1)))).ToList();
        var ink = Layout(glyphs, height, comma, out var line);
        double turn = MaxRotation * (2 * random.NextDouble() - 1);
        return new AmountField(Colour(Rotation.Rotate(ink, turn), Rotation.Rotate(line, turn)), amount, separators, sources);
    }

    int Pick(int digit)
    {
        var candidates = byLabel[digit];
        if (candidates.Count == 0) throw new ArgumentException($"There is no image of the digit {digit} to compose with.");
        return candidates[random.Next(candidates.Count)];
    }

    /// <summary>A digit scaled so its ink (20 of MNIST's 28 pixels) is <paramref name="height"/> pixels high, cropped to its strokes, as ink strength 0..1.</summary>
    static GrayImage Glyph(GrayImage digit, double height)
    {
        int size = Math.Max(28, (int)Math.Round(28 * height / MnistPreprocessing.DigitBox));
        var scaled = new GrayImage(size, size, Resampling.Resize(digit.Pixels, 28, 28, 1, size, size, "bilinear"));
        // Cropped at a quarter of full ink, so the spacing is measured between strokes, not their faintest edges.
        var cropped = MnistPreprocessing.CropToInk(scaled, level: 64) ?? scaled;
        for (int i = 0; i < cropped.Pixels.Length; i++) cropped.Pixels[i] = Math.Clamp(cropped.Pixels[i] / 255f, 0f, 1f);
        return cropped;
    }

    [GeneratedRegex(@"^\d+(,\d+)?$")]
    private static partial Regex AmountPattern();
}
