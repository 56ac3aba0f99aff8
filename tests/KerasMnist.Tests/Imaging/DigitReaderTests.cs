using KerasMnist.Imaging;
using KerasMnist.Imaging.Reading;
using KerasMnist.Tests.Fixtures;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Imaging;

/// <summary>The reader's contract: which models it takes, what it feeds them, what it returns.</summary>
[Collection(TrainedCnnCollection.Name)]
public sealed class DigitReaderTests(TrainedCnn cnn) : IDisposable
{
    readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    string Scan(int index)
    {
        var path = folder.Combine($"scan{index}.png");
        ImageFile.Save(TestImages.Scan(cnn.Test.Digit(index), 120, 15 + index % 20, 10, 3f), path);
        return path;
    }

    [Fact]
    public void A_model_that_does_not_take_28x28_grey_images_is_refused()
    {
        var rgb = keras.Sequential(keras.layers.Flatten(input_shape: (32, 32, 3)), keras.layers.Dense(10));
        var e = Assert.Throws<ArgumentException>(() => new DigitReader(rgb));
        Assert.Contains("(None, 32, 32, 3)", e.Message);
        Assert.Contains("28x28 grey", e.Message);

        var unbuilt = keras.Sequential(keras.layers.Dense(10));
        Assert.Contains("no input shape", Assert.Throws<ArgumentException>(() => new DigitReader(unbuilt)).Message);

        var twelve = keras.Sequential(keras.layers.Flatten(input_shape: (28, 28, 1)), keras.layers.Dense(12));
        Assert.Contains("10 scores", Assert.Throws<ArgumentException>(() => new DigitReader(twelve)).Message);

        Assert.Throws<ArgumentException>(() => new DigitReader(cnn.Model, scale: 0));
        var flat = keras.Sequential(keras.layers.Flatten(input_shape: (28, 28)), keras.layers.Dense(10));
        Assert.Equal(3, new DigitReader(flat).Read(Scan(0)).First.Top3.Count); // (None, 28, 28) is taken too
    }

    [Theory]
    [InlineData(255f)]
    [InlineData(1f)]
    public void The_model_sees_the_28x28_image_divided_by_the_scale_and_the_result_is_its_softmax(float scale)
    {
        var reader = new DigitReader(cnn.Model, scale: scale);
        var reading = reader.Read(Scan(1));
        var d = reading.First;
        Assert.Equal(28, d.Input.Width);
        Assert.Equal(28, d.Input.Height);
        using var x = tensor(d.Input.Pixels.Select(v => v / scale).ToArray(), [1, 28, 28, 1]);
        using var logits = cnn.Model.predict(x);
        using var expected = nn.functional.softmax(logits, 1);
        var p = expected.data<float>().ToArray();
        int best = Array.IndexOf(p, p.Max());
        Assert.Equal(best, d.Digit);
        Assert.Equal(p[best], d.Probability, 5);
        Assert.Equal(d.Digit, d.Top3[0].Digit);
        Assert.True(d.Top3[0].Probability >= d.Top3[1].Probability && d.Top3[1].Probability >= d.Top3[2].Probability);
        Assert.Equal(3, d.Top3.Select(t => t.Digit).Distinct().Count());
    }

    [Fact]
    public void Readings_of_MNIST_test_scans_are_right_and_confident()
    {
        var indices = Enumerable.Range(100, 50).ToList();
        var readings = new DigitReader(cnn.Model).Read(indices.Select(Scan));
        int right = readings.Zip(indices).Count(p => p.First.First.Digit == cnn.Test.Labels[p.Second]);
        Assert.True(right >= 47, $"{right} of 50 rescanned MNIST test digits read right");
        Assert.True(readings.Count(r => r.IsLowConfidence) <= 5);
        Assert.All(readings, r => Assert.False(r.IsField));
    }

    [Fact]
    public void A_model_ending_in_softmax_is_not_softmaxed_twice()
    {
        var softmax = keras.Sequential(keras.layers.Flatten(input_shape: (28, 28, 1)), keras.layers.Dense(10, activation: "softmax"));
        var d = new DigitReader(softmax).Read(Scan(2)).First;
        using var x = tensor(d.Input.Pixels.Select(v => v / 255f).ToArray(), [1, 28, 28, 1]);
        using var y = softmax.predict(x);
        Assert.Equal(y.max().item<float>(), d.Probability, 5);
    }

    [Fact]
    public void The_low_confidence_flag_follows_the_threshold_and_the_input_can_be_saved()
    {
        var path = Scan(3);
        Assert.True(new DigitReader(cnn.Model, lowConfidence: 1.01f).Read(path).IsLowConfidence);
        Assert.False(new DigitReader(cnn.Model, lowConfidence: 0f).Read(path).IsLowConfidence);

        var prediction = new DigitReader(cnn.Model).Read(path).First;
        var input = prediction.Input;
        var saved = folder.Combine("seen.png");
        prediction.SaveInput(saved);
        var back = keras.utils.load_img(saved, color_mode: "grayscale");
        Assert.Equal((28, 28), back.size);
        Assert.Equal(input.ToImage().Pixels.ToArray(), back.Pixels.ToArray());
    }
}
