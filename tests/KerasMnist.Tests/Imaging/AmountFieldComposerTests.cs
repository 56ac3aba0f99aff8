using KerasMnist.Imaging;
using KerasMnist.Imaging.Composition;
using KerasMnist.Imaging.Reading;
using KerasMnist.Tests.Fixtures;
using Xunit.Abstractions;

namespace KerasMnist.Tests.Imaging;

/// <summary>
/// Cheque amount fields composed from MNIST test digits: what they show is what they say they show, they look like a
/// scanned field (coloured ink, toned paper, a faint ruled line, a slight turn), and the notebook's CNN reads them back.
/// </summary>
[Collection(TrainedCnnCollection.Name)]
public sealed class AmountFieldComposerTests(TrainedCnn cnn, ITestOutputHelper output) : IDisposable
{
    readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    AmountFieldComposer Composer(int seed) => new(Enumerable.Range(0, cnn.Test.Count).Select(cnn.Test.Digit).ToList(), cnn.Test.Labels, new Random(seed));

    [Fact]
    public void A_field_shows_the_amount_it_names_with_digits_of_those_labels()
    {
        var field = Composer(1).Compose("347,05");
        Assert.Equal("347,05", field.Amount);
        Assert.Equal("34705", field.Digits);
        Assert.Equal([3], field.SeparatorPositions);
        Assert.Equal([3, 4, 7, 0, 5], field.SourceIndices.Select(i => cnn.Test.Labels[i]));
        Assert.Equal("RGB", field.Image.mode);

        var whole = Composer(1).Compose("1250");
        Assert.Empty(whole.SeparatorPositions);
        foreach (var bad in new[] { "", "12,5,0", "1.250", ",50", "12 50" })
            Assert.Throws<ArgumentException>(() => Composer(1).Compose(bad));
    }

    [Fact]
    public void Random_amounts_have_one_to_four_euro_digits_and_two_cents_and_a_seed_repeats_them()
    {
        var composer = Composer(2);
        var amounts = Enumerable.Range(0, 200).Select(_ => composer.RandomAmount()).ToList();
        Assert.All(amounts, a => Assert.Matches(@"^[1-9]\d{0,3},\d\d$", a));
        Assert.Equal(4, amounts.Select(a => a.IndexOf(',')).Distinct().Count());

        var first = Composer(3).Compose();
        var again = Composer(3).Compose();
        Assert.Equal(first.Amount, again.Amount);
        Assert.Equal(first.Image.Pixels.ToArray(), again.Image.Pixels.ToArray());
        Assert.NotEqual(first.Amount, Composer(4).Compose().Amount);
    }

    [Fact]
    public void The_paper_is_toned_the_ink_coloured_and_the_ruled_line_faint()
    {
        var composer = Composer(5);
        foreach (var field in Enumerable.Range(0, 10).Select(_ => composer.Compose()))
        {
            var image = field.Image;
            var luma = Enumerable.Range(0, image.width * image.height)
                .Select(i => 0.299 * image.Pixels[3 * i] + 0.587 * image.Pixels[3 * i + 1] + 0.114 * image.Pixels[3 * i + 2]).ToArray();
            var sorted = luma.Order().ToArray();
            double paper = sorted[sorted.Length / 2], darkest = sorted[0];
            Assert.InRange(paper, 225, 255);
            Assert.True(paper - darkest > 120, $"the ink is only {paper - darkest:F0} grey levels darker than the paper");
            // The ruled line: a row (near the bottom, turned at most 3 degrees) whose pixels are mostly a little darker
            // than the paper, far lighter than ink.
            var faint = luma.Select(v => paper - v is > 10 and < 45).ToArray();
            int lineRows = Enumerable.Range(0, image.height).Count(y =>
                Enumerable.Range(0, image.width).Count(x => faint[y * image.width + x]) > 0.04 * image.width);
            Assert.True(lineRows >= 1, "no faint ruled line found");
        }
    }

    [Fact]
    public void The_notebook_cnn_reads_the_fields_back_through_png_files()
    {
        var composer = Composer(6);
        var fields = Enumerable.Range(0, 40).Select(_ => composer.Compose()).ToList();
        var paths = fields.Select((f, i) =>
        {
            var path = folder.Combine($"field{i}.png");
            ImageFile.Save(f.Image, path);
            return path;
        }).ToList();
        var readings = new DigitReader(cnn.Model).Read(paths, FieldMode.Field);

        int amountsRight = readings.Zip(fields).Count(p => p.First.Format() == p.Second.Amount);
        int separatorsRight = readings.Zip(fields).Count(p => p.First.SeparatorPositions.SequenceEqual(p.Second.SeparatorPositions));
        int digitsRight = readings.Zip(fields).Where(p => p.First.Number.Length == p.Second.Digits.Length)
            .Sum(p => p.First.Number.Zip(p.Second.Digits).Count(d => d.First == d.Second));
        int digitsTotal = fields.Sum(f => f.Digits.Length);
        output.WriteLine($"amounts read right {amountsRight}/40, separators {separatorsRight}/40, digits {digitsRight}/{digitsTotal}");
        foreach (var (reading, field) in readings.Zip(fields).Where(p => p.First.Format() != p.Second.Amount))
            output.WriteLine($"  {field.Amount} read as {reading.Format()}");
        Assert.True(digitsRight >= 0.9 * digitsTotal, $"{digitsRight} of {digitsTotal} digits read right");
        Assert.True(separatorsRight >= 36, $"{separatorsRight} of 40 commas found in place");
        Assert.True(amountsRight >= 24, $"{amountsRight} of 40 amounts read right");
    }
}
