using KerasMnist.Imaging.Preprocessing;
using KerasMnist.Imaging.Segmentation;
using Xunit.Abstractions;
using static KerasMnist.Imaging.Preprocessing.MnistPreprocessing;

namespace KerasMnist.Tests.Imaging;

/// <summary>
/// Field segmentation on fields composed from MNIST test digits with known answers: spaced digits, touching pairs,
/// digits whose stroke was broken, a comma. Each case counts how often the segments match the truth.
/// </summary>
public sealed class FieldSegmentationTests(MnistTestDigits mnist, ITestOutputHelper output) : IClassFixture<MnistTestDigits>
{
    static InkImage Ink(GrayImage page) => FindInk(TestImages.Print(page));

    // Whether each segment covers mostly one true digit's columns, in order.
    static bool Matches(FieldSegmentation field, List<FieldComposer.Placed> truth, int tolerance)
    {
        if (field.Digits.Count != truth.Count) return false;
        return field.Digits.Zip(truth).All(p =>
            Math.Abs(p.First.Left - p.Second.Left) <= tolerance && Math.Abs(p.First.Right - p.Second.Right) <= tolerance);
    }

    int[] Indices(Random random, int count, Func<int, bool>? label = null)
    {
        var chosen = new List<int>();
        while (chosen.Count < count)
        {
            int i = random.Next(mnist.Count);
            if (label is null || label(mnist.Labels[i])) chosen.Add(i);
        }
        return [.. chosen];
    }

    [Fact]
    public void Spaced_digits_become_one_segment_each_and_the_field_is_detected()
    {
        var random = new Random(1);
        var composer = new FieldComposer(mnist);
        int right = 0, trials = 100;
        for (int t = 0; t < trials; t++)
        {
            int count = random.Next(2, 7);
            var (page, truth) = composer.Compose(Indices(random, count), [.. Enumerable.Range(0, count - 1).Select(_ => random.Next(4, 16))]);
            var field = FieldSegmenter.Segment(Ink(page));
            Assert.True(field.IsField);
            if (Matches(field, truth, tolerance: 2)) right++;
        }
        output.WriteLine($"spaced fields segmented right: {right}/{trials}");
        Assert.True(right >= 95, $"{right} of {trials} spaced fields were segmented into their digits");
    }

    [Fact]
    public void Touching_digits_are_split_at_the_column_projection_minimum()
    {
        var random = new Random(2);
        var composer = new FieldComposer(mnist);
        int right = 0, oneComponent = 0, trials = 100;
        for (int t = 0; t < trials; t++)
        {
            // Digits other than 1 (a touching "11" is no wider than one digit), overlapping by up to 2 pixels, joined by a stroke.
            var (page, truth) = composer.Compose(Indices(random, 2, l => l != 1), [random.Next(-2, 4)], joinAfter: new HashSet<int> { 0 });
            var ink = Ink(page);
            if (ink.Components.Count(c => c.Height > 20) != 1) continue; // a digit that MNIST itself has in two pieces
            oneComponent++;
            var field = FieldSegmenter.Segment(ink);
            // The cut lies between the digits' true extents: within the joining gap or the overlap, plus a margin.
            if (field.Digits.Count == 2 && field.Digits[0].Right >= truth[1].Left - 4 && field.Digits[0].Right <= truth[0].Right + 4) right++;
        }
        output.WriteLine($"touching pairs: one component {oneComponent}/{trials}, split right {right}/{trials}");
        Assert.True(oneComponent >= 90, $"only {oneComponent} of {trials} pairs touched");
        Assert.True(right >= 0.85 * oneComponent, $"{right} of {oneComponent} touching pairs were cut between their digits");
    }

    [Fact]
    public void A_digit_whose_stroke_broke_stays_one_digit()
    {
        var random = new Random(3);
        var composer = new FieldComposer(mnist);
        int broken = 0, right = 0;
        for (int t = 0; t < 60; t++)
        {
            // A 5 or 7 between two other digits, with rows erased across its upper part (a pen that skipped).
            var indices = Indices(random, 3);
            indices[1] = Indices(random, 1, l => l is 5 or 7)[0];
            var (page, truth) = composer.Compose(indices, [10, 10]);
            var middle = truth[1];
            int top = Enumerable.Range(0, page.Height).First(y => Enumerable.Range(middle.Left, middle.Right - middle.Left).Any(x => page[x, y] > 0));
            for (int y = top + 9; y < top + 13; y++)
                for (int x = middle.Left; x < middle.Right; x++) page[x, y] = 0;
            var ink = Ink(page);
            if (ink.Components.Count(c => c.Left >= middle.Left - 1 && c.Right <= middle.Right + 1) < 2) continue; // the erasure missed the stroke
            broken++;
            if (Matches(FieldSegmenter.Segment(ink), truth, tolerance: 2)) right++;
        }
        output.WriteLine($"broken 5s and 7s: {right}/{broken} kept whole");
        Assert.True(broken >= 30, $"only {broken} digits were actually broken by the erasure");
        Assert.True(right >= 0.9 * broken, $"{right} of {broken} broken digits were kept whole");
    }

    [Fact]
    public void A_comma_on_the_baseline_is_a_separator_not_a_digit()
    {
        var random = new Random(4);
        var composer = new FieldComposer(mnist);
        int right = 0, trials = 40;
        for (int t = 0; t < trials; t++)
        {
            var (page, truth) = composer.Compose(Indices(random, 4), [8, 10, 8], commaAfter: 1);
            var field = FieldSegmenter.Segment(Ink(page));
            if (Matches(field, truth, tolerance: 2) && field.SeparatorPositions.SequenceEqual([2])) right++;
        }
        output.WriteLine($"fields with a comma: {right}/{trials}");
        Assert.True(right >= 0.95 * trials, $"{right} of {trials} fields with a comma were read as 4 digits with the separator after the second");
    }

    [Fact]
    public void A_single_digit_is_no_field()
    {
        var composer = new FieldComposer(mnist);
        int fields = 0;
        for (int i = 0; i < 200; i++)
            if (FieldSegmenter.Segment(Ink(composer.Compose([i], []).page)).IsField) fields++;
        output.WriteLine($"single MNIST digits taken for a field: {fields}/200");
        Assert.True(fields <= 4, $"{fields} of 200 single digits were taken for a field");
    }
}
