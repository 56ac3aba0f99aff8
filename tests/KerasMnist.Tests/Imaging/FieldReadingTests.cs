using KerasMnist.Imaging;
using KerasMnist.Imaging.Reading;
using KerasMnist.Tests.Fixtures;
using Xunit.Abstractions;

namespace KerasMnist.Tests.Imaging;

/// <summary>
/// Amount fields composed from MNIST test digits (never trained on), written as PNG files with random spacing, paper
/// tone, ink tone, some touching pairs and commas, then read back by the notebook's CNN through the whole pipeline.
/// </summary>
[Collection(TrainedCnnCollection.Name)]
public sealed class FieldReadingTests(TrainedCnn cnn, ITestOutputHelper output) : IDisposable
{
    readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Fields_are_detected_and_read_digit_by_digit()
    {
        var random = new Random(7);
        var composer = new FieldComposer(cnn.Test);
        var paths = new List<string>();
        var truths = new List<(string number, int? comma)>();
        for (int f = 0; f < 100; f++)
        {
            int count = random.Next(3, 7);
            var indices = Enumerable.Range(0, count).Select(_ => random.Next(cnn.Test.Count)).ToArray();
            var gaps = Enumerable.Range(0, count - 1).Select(_ => random.Next(3, 15)).ToArray();
            int? comma = random.Next(2) == 0 ? random.Next(0, count - 1) : null;
            // One touching pair in a quarter of the fields, between two digits that are not 1s.
            var join = new HashSet<int>();
            int k = random.Next(0, count - 1);
            if (random.Next(4) == 0 && k != comma && cnn.Test.Labels[indices[k]] != 1 && cnn.Test.Labels[indices[k + 1]] != 1)
            {
                join.Add(k);
                gaps[k] = random.Next(-1, 3);
            }
            var (page, digits) = composer.Compose(indices, gaps, comma, join);
            var path = folder.Combine($"field{f}.png");
            ImageFile.Save(TestImages.Print(page, paperTone: random.Next(190, 250), inkTone: random.Next(10, 90)), path);
            paths.Add(path);
            truths.Add((string.Concat(digits.Select(d => d.Label)), comma is int c ? c + 1 : null));
        }

        var readings = new DigitReader(cnn.Model).Read(paths);
        int fieldsRight = 0, digitsRight = 0, digitsTotal = 0, separatorsRight = 0;
        foreach (var (reading, (number, comma)) in readings.Zip(truths))
        {
            Assert.True(reading.IsField, $"{reading.File} holds {number.Length} digits but was not taken for a field");
            if (reading.Number == number) fieldsRight++;
            digitsTotal += number.Length;
            if (reading.Number.Length == number.Length) digitsRight += reading.Number.Zip(number).Count(p => p.First == p.Second);
            if (reading.SeparatorPositions.SequenceEqual(comma is int c ? [c] : [])) separatorsRight++;
        }
        output.WriteLine($"fields read right {fieldsRight}/100, digits {digitsRight}/{digitsTotal}, separators placed right {separatorsRight}/100");
        Assert.True(fieldsRight >= 75, $"{fieldsRight} of 100 fields read right");
        Assert.True(digitsRight >= 0.93 * digitsTotal, $"{digitsRight} of {digitsTotal} digits read right");
        Assert.True(separatorsRight >= 95, $"{separatorsRight} of 100 fields had their separators placed right");
    }

    [Fact]
    public void The_mode_can_force_a_digit_or_a_field()
    {
        var composer = new FieldComposer(cnn.Test);
        var (page, digits) = composer.Compose([0, 1, 2], [10, 10]);
        var path = folder.Combine("three.png");
        ImageFile.Save(TestImages.Print(page), path);
        var reader = new DigitReader(cnn.Model);
        Assert.Equal(3, reader.Read(path).Digits.Count);
        var asDigit = reader.Read(path, FieldMode.Digit);
        Assert.False(asDigit.IsField);
        Assert.Single(asDigit.Digits);

        var single = folder.Combine("one.png");
        ImageFile.Save(TestImages.Print(composer.Compose([3], []).page), single);
        var forced = reader.Read(single, FieldMode.Field);
        Assert.True(forced.IsField);
        Assert.Equal(cnn.Test.Labels[3].ToString(), forced.Number);
    }
}
