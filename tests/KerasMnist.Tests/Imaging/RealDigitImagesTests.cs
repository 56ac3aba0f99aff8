using KerasMnist.Imaging;
using KerasMnist.Imaging.Reading;
using Xunit.Abstractions;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Imaging;

/// <summary>
/// The handwritten digits in ../shared/digit-images (photos and drawings from public projects, not MNIST; labels in
/// the file names): the notebook's CNN, trained one epoch, reads at least 7 of the 8 after the MNIST preprocessing,
/// as that folder's README sets as the target, and fewer after a plain resize.
/// </summary>
[Collection(TrainedCnnCollection.Name)]
public sealed class RealDigitImagesTests(TrainedCnn cnn, ITestOutputHelper output)
{
    static readonly string Folder = FindFolder();

    static string FindFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KerasMnist.sln"))) dir = dir.Parent;
        Assert.True(dir is not null, "The repository root (KerasMnist.sln) was not found above the test binaries.");
        return Path.GetFullPath(Path.Combine(dir!.FullName, "..", "shared", "digit-images"));
    }

    static (string path, int label)[] Images()
    {
        Assert.True(Directory.Exists(Folder), $"The real digit images are expected in {Folder} (../shared/digit-images beside the checkout).");
        var files = Directory.GetFiles(Folder, "L*_*.png").Order().Select(f => (f, Path.GetFileName(f)[1] - '0')).ToArray();
        Assert.Equal(8, files.Length);
        return files;
    }

    [Fact]
    public void The_notebook_cnn_reads_at_least_7_of_the_8_real_digits_and_a_plain_resize_reads_fewer()
    {
        var images = Images();
        var reader = new DigitReader(cnn.Model);
        var readings = reader.Read(images.Select(i => i.path));
        int preprocessed = 0;
        foreach (var ((path, label), reading) in images.Zip(readings))
        {
            Assert.False(reading.IsField, $"{Path.GetFileName(path)} shows one digit but was read as a field of {reading.Digits.Count}.");
            var d = reading.First;
            output.WriteLine($"{Path.GetFileName(path),-22} true {label}  read {d.Digit} p={d.Probability:F3}  top3 {string.Join(" ", d.Top3.Select(t => $"{t.Digit}:{t.Probability:F2}"))}");
            if (d.Digit == label) preprocessed++;
        }

        // What a learner might do without the preprocessing: load_img to 28x28 grey, then make the ink white.
        int plain = 0;
        foreach (var (path, label) in images)
        {
            var img = keras.utils.load_img(path, color_mode: "grayscale", target_size: (28, 28));
            using var x = keras.utils.img_to_array(img);
            using var white = x.mean().item<float>() > 127 ? 255f - x : x.clone();
            using var batch = (white / 255f).reshape(1, 28, 28, 1);
            using var logits = cnn.Model.predict(batch);
            int digit = (int)logits.argmax(1).item<long>();
            if (digit == label) plain++;
        }
        output.WriteLine($"MNIST preprocessing: {preprocessed}/8 correct; plain resize (+ inversion): {plain}/8");
        Assert.True(preprocessed >= 7, $"the CNN read {preprocessed} of the 8 real digits correctly; the target is at least 7");
        Assert.True(plain < preprocessed, $"a plain resize read {plain} of 8, the MNIST preprocessing {preprocessed}");
    }
}
