using KerasMnist.Imaging.Preprocessing;
using static KerasMnist.Imaging.Preprocessing.MnistPreprocessing;

namespace KerasMnist.Tests.Imaging;

/// <summary>
/// The preprocessing against MNIST itself: its constants match the data, and an MNIST digit printed on paper at another
/// size and place comes back close to the original 28x28 image.
/// </summary>
public sealed class MnistFidelityTests(MnistTestDigits mnist) : IClassFixture<MnistTestDigits>
{
    [Fact]
    public void MNISTs_stroke_width_and_centre_of_mass_are_the_constants_used()
    {
        var widths = new List<float>();
        double cx = 0, cy = 0;
        for (int i = 0; i < mnist.Count; i++)
        {
            var digit = mnist.Digit(i);
            widths.Add(StrokeWidth(digit));
            var (x, y) = CenterOfMass(digit);
            cx += x;
            cy += y;
        }
        widths.Sort();
        Assert.InRange(widths[widths.Count / 2], MnistStrokeWidth - 0.1f, MnistStrokeWidth + 0.1f);
        Assert.InRange(cx / mnist.Count, ImageSize / 2.0 - 0.1, ImageSize / 2.0 + 0.1);
        Assert.InRange(cy / mnist.Count, ImageSize / 2.0 - 0.1, ImageSize / 2.0 + 0.1);
    }

    [Fact]
    public void An_MNIST_digit_printed_dark_on_light_at_another_size_and_place_comes_back_close_to_the_original()
    {
        var random = new Random(11);
        var correlations = new List<double>();
        for (int i = 0; i < 200; i++)
        {
            var original = mnist.Digit(i);
            float scale = 1.5f + 3f * random.NextSingle();                  // 42 to 126 pixels
            int size = (int)(28 * scale) + 40;
            var scan = TestImages.Scan(original, size, random.Next(0, 40), random.Next(0, 40), scale);
            var digit = ToMnist(FindInk(scan));
            var (x, y) = CenterOfMass(digit);
            Assert.InRange(x, 13.5, 14.5);
            Assert.InRange(y, 13.5, 14.5);
            var box = CropToInk(digit)!;
            Assert.InRange(Math.Max(box.Width, box.Height), 19, 20);
            correlations.Add(TestImages.Correlation(original.Pixels, digit.Pixels));
        }
        correlations.Sort();
        // Identity would be 1; a digit shifted by one pixel correlates about 0.6 with itself.
        Assert.True(correlations[correlations.Count / 2] > 0.9, $"median correlation {correlations[correlations.Count / 2]:F3}");
        Assert.True(correlations[correlations.Count / 10] > 0.8, $"10th percentile {correlations[correlations.Count / 10]:F3}");
    }

    [Fact]
    public void Dark_on_light_and_light_on_dark_give_the_same_image()
    {
        var original = mnist.Digit(7);
        var page = TestImages.Place(new GrayImage(100, 100), original, 20, 30, 2f);
        var dark = ToMnist(FindInk(TestImages.Print(page, paperTone: 235, inkTone: 30)));
        var light = ToMnist(FindInk(TestImages.Print(page, paperTone: 30, inkTone: 235)));
        Assert.True(dark.Pixels.Zip(light.Pixels).Max(p => Math.Abs(p.First - p.Second)) < 1f);
    }
}
