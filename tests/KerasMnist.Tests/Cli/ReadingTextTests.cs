using KerasMnist.Cli;
using KerasMnist.Imaging.Preprocessing;
using KerasMnist.Imaging.Reading;

namespace KerasMnist.Tests.Cli;

/// <summary><c>predict</c>'s German lines for a reading, built from readings made by hand (no model needed).</summary>
public sealed class ReadingTextTests
{
    static DigitPrediction Digit(int digit, float p) =>
        new(digit, p, [(digit, p), ((digit + 1) % 10, (1 - p) / 2), ((digit + 2) % 10, (1 - p) / 2)], false, new GrayImage(28, 28));

    [Fact]
    public void A_field_counts_its_digits_in_singular_and_plural()
    {
        var one = new Reading("a.png", true, [Digit(7, 0.9f)], []);
        Assert.StartsWith("a.png: Feld mit 1 Ziffer, gelesen 7", ReadingText.Lines(one, null, 0.5f).First());
        var three = new Reading("b.png", true, [Digit(1, 0.9f), Digit(2, 0.9f), Digit(3, 0.9f)], []);
        Assert.StartsWith("b.png: Feld mit 3 Ziffern, gelesen 123", ReadingText.Lines(three, null, 0.5f).First());
    }
}
