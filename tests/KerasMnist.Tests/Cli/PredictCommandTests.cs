using System.Text.Json;
using System.Text.RegularExpressions;
using KerasMnist.Imaging;
using KerasMnist.Imaging.Reading;
using KerasMnist.Tests.Fixtures;
using KerasMnist.Tests.Imaging;
using Xunit.Abstractions;
using static KerasMnist.Keras.KerasApi;

namespace KerasMnist.Tests.Cli;

/// <summary>
/// <c>KerasMnist predict MODEL IMAGE...</c> in-process, with the imaging tests' CNN (trained once, seeded) saved as a
/// .keras file: real handwritten digits, fields, JSON, the 28x28 files, and bad input that stops with nothing written.
/// </summary>
[Collection(TrainedCnnCollection.Name)]
public sealed class PredictCommandTests : IDisposable
{
    readonly TrainedCnn cnn;
    readonly TempFolder folder = new();
    readonly string model;

    readonly ITestOutputHelper log;

    public PredictCommandTests(TrainedCnn cnn, ITestOutputHelper log)
    {
        this.cnn = cnn;
        this.log = log;
        model = folder.Combine("cnn.keras");
        cnn.Model.save(model);
    }

    public void Dispose() => folder.Dispose();

    static readonly string DigitImages = Path.GetFullPath(Path.Combine(Checkout.Root, "..", "shared", "digit-images"));

    static (int Code, string Out, string Err) Predict(params string[] args) => AppTests.Run(["predict", .. args]);

    static List<JsonElement> JsonLines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();

    string Field(string name, out string truth)
    {
        var (page, digits) = new FieldComposer(cnn.Test).Compose([10, 11, 12, 13], [12, 8, 10], commaAfter: 1);
        truth = string.Concat(digits.Select(d => d.Label));
        var path = folder.Combine(name);
        ImageFile.Save(TestImages.Print(page), path);
        return path;
    }

    string Scan(string name, int index)
    {
        var path = folder.Combine(name);
        ImageFile.Save(TestImages.Scan(cnn.Test.Digit(index), 100, 20, 15, 2.5f), path);
        return path;
    }

    [Fact]
    public void The_real_digit_images_reach_the_accuracy_their_README_states()
    {
        var readme = File.ReadAllText(Path.Combine(DigitImages, "README.md")).ReplaceLineEndings(" ");
        var target = Regex.Match(readme, @"reads at least (\d+) of the (\d+)");
        Assert.True(target.Success, "the digit-images README states no target");
        var images = Directory.GetFiles(DigitImages, "L*_*.png").Order().ToArray();
        Assert.Equal(int.Parse(target.Groups[2].Value), images.Length);

        var (code, output, error) = Predict([model, .. images, "--json"]);
        Assert.True(code == 0, error);
        var lines = JsonLines(output);
        Assert.Equal(images, lines.Select(l => l.GetProperty("file").GetString()));
        int right = 0;
        foreach (var (line, path) in lines.Zip(images))
        {
            Assert.False(line.GetProperty("field").GetBoolean(), $"{path} was read as a field");
            int digit = line.GetProperty("digit").GetInt32();
            var top3 = line.GetProperty("top3").EnumerateArray().Select(c => (Digit: c.GetProperty("digit").GetInt32(), P: c.GetProperty("probability").GetDouble())).ToList();
            Assert.Equal(3, top3.Count);
            Assert.Equal(digit, top3[0].Digit);
            Assert.Equal(line.GetProperty("probability").GetDouble(), top3[0].P);
            Assert.True(top3[0].P >= top3[1].P && top3[1].P >= top3[2].P && top3[2].P >= 0 && top3[0].P <= 1);
            Assert.Equal(digit.ToString(), line.GetProperty("number").GetString());
            if (digit == Path.GetFileName(path)[1] - '0') right++;
        }
        log.WriteLine($"predict read {right} of {images.Length} real digits:\n{output}");
        Assert.True(right >= int.Parse(target.Groups[1].Value), $"predict read {right} of {images.Length} real digits; the README's target is {target.Value}");

        // The text output says the same, one line per image, in German.
        var (textCode, text, _) = Predict([model, .. images]);
        Assert.Equal(0, textCode);
        foreach (var (line, path) in lines.Zip(images))
            Assert.Matches($@"(?m)^{Regex.Escape(path)}: {line.GetProperty("digit").GetInt32()} \(Wahrscheinlichkeit \d,\d{{4}}; danach \d: \d,\d{{4}}, \d: \d,\d{{4}}\)\r?$", text);
    }

    [Fact]
    public void A_field_is_found_without_asking_and_read_as_the_library_reads_it()
    {
        var path = Field("amount.png", out var truth);
        var library = new DigitReader(cnn.Model).Read(path);

        var (code, output, error) = Predict(model, path, "--json");
        Assert.True(code == 0, error);
        var line = Assert.Single(JsonLines(output));
        Assert.True(line.GetProperty("field").GetBoolean());
        Assert.Equal(library.Number, line.GetProperty("number").GetString());
        Assert.Equal(truth.Length, library.Number.Length);
        Assert.Equal(library.Format(), line.GetProperty("text").GetString());
        Assert.Equal([2], line.GetProperty("separators").EnumerateArray().Select(s => s.GetInt32()));
        var digits = line.GetProperty("digits").EnumerateArray().ToList();
        Assert.Equal(library.Digits.Select(d => d.Digit), digits.Select(d => d.GetProperty("digit").GetInt32()));
        var product = digits.Aggregate(1.0, (p, d) => p * d.GetProperty("probability").GetDouble());
        Assert.Equal(product, line.GetProperty("probability").GetDouble(), 5);

        var (_, text, _) = Predict(model, path);
        Assert.Contains($"{path}: Feld mit 4 Ziffern, gelesen {library.Format()}", text);
        Assert.Equal(4, Regex.Matches(text, @"(?m)^  Ziffer \d: \d \(Wahrscheinlichkeit").Count);

        // --field reads a single digit as a field of one.
        var single = Scan("seven.png", 0);
        var forced = Assert.Single(JsonLines(Predict(model, single, "--field", "--json").Out));
        Assert.True(forced.GetProperty("field").GetBoolean());
        Assert.Equal(1, forced.GetProperty("digits").GetArrayLength());
    }

    [Fact]
    public void Save_preprocessed_writes_the_28x28_image_the_model_saw_for_every_digit()
    {
        var field = Field("amount.png", out _);
        var scan = Scan("scan.png", 3);
        Directory.CreateDirectory(folder.Combine("other"));
        var twin = Scan(Path.Combine("other", "scan.jpg"), 4);
        var target = folder.Combine("seen", "by", "model");

        var (code, output, error) = Predict(model, scan, field, twin, "--save-preprocessed", target, "--json");
        Assert.True(code == 0, error);
        var lines = JsonLines(output);
        string[][] expected =
        [
            [Path.Combine(target, "scan-1.png")],
            [.. Enumerable.Range(1, 4).Select(k => Path.Combine(target, $"amount_{k}.png"))],
            [Path.Combine(target, "scan-3.png")],
        ];
        Assert.Equal(expected, lines.Select(l => l.GetProperty("preprocessed").EnumerateArray().Select(p => p.GetString()!).ToArray()));
        Assert.Equal(expected.SelectMany(e => e).Select(Path.GetFileName).Order(), Directory.GetFiles(target).Select(Path.GetFileName).Order());

        // Each file holds exactly the 28x28 input the reader gives the model.
        var readings = new DigitReader(cnn.Model).Read([scan, field, twin]);
        foreach (var (reading, files) in readings.Zip(expected))
            foreach (var (digit, file) in reading.Digits.Zip(files))
            {
                var saved = keras.utils.load_img(file, color_mode: "grayscale");
                Assert.Equal((28, 28), saved.size);
                Assert.Equal(digit.Input.ToImage().Pixels.ToArray(), saved.Pixels.ToArray());
            }
    }

    [Fact]
    public void An_uncertain_reading_gets_a_warning()
    {
        // Zero weights: every digit gets probability 0.1.
        var flat = keras.Sequential(keras.layers.Flatten(input_shape: (28, 28, 1)), keras.layers.Dense(10, kernel_initializer: new KerasMnist.Keras.Initializers.Zeros()));
        var path = folder.Combine("flat.keras");
        flat.save(path);
        var scan = Scan("scan.png", 5);
        var (code, text, _) = Predict(path, scan);
        Assert.Equal(0, code);
        Assert.Contains("Warnung: Das Model ist unsicher (Wahrscheinlichkeit 0,1000 unter 0,70)", text);
        Assert.True(Assert.Single(JsonLines(Predict(path, scan, "--json").Out)).GetProperty("low_confidence").GetBoolean());
        Assert.DoesNotContain("Warnung", Predict(model, scan).Out);
    }

    public static TheoryData<string, string> BadImages => new()
    {
        { "not an image", "not an image that can be decoded" },
        { "truncated", "the image data is incomplete" },
        { "blank", "no ink found" },
        { "too large", "400 megapixels) is more than the 50 megapixels decoded safely" },
    };

    [Theory]
    [MemberData(nameof(BadImages))]
    public void A_bad_image_stops_the_command_naming_it_and_nothing_is_written(string kind, string problem)
    {
        var good = Scan("good.png", 1);
        var bad = folder.Combine("bad.png");
        switch (kind)
        {
            case "not an image":
                File.WriteAllText(bad, "<html>not a picture</html>");
                break;
            case "truncated":
                var bytes = File.ReadAllBytes(Scan("whole.png", 2));
                File.WriteAllBytes(bad, bytes[..(bytes.Length * 2 / 3)]);
                break;
            case "blank":
                ImageFile.Save(new Image("L", 80, 60, Enumerable.Repeat((byte)250, 80 * 60).ToArray()), bad);
                break;
            case "too large":
                File.WriteAllBytes(bad, ImageFileTests.PngHeaderOnly(20_000, 20_000));
                break;
        }
        var target = folder.Combine("seen");

        var (code, output, error) = Predict(model, good, bad, "--save-preprocessed", target);

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.StartsWith($"error: {bad}: ", error);
        Assert.Contains(problem, error);
        Assert.False(Directory.Exists(target), "--save-preprocessed wrote files although an image was bad");
    }

    [Fact]
    public void Several_bad_images_are_named_together()
    {
        var blank = folder.Combine("blank.png");
        ImageFile.Save(new Image("L", 40, 40, new byte[1600]), blank);
        var text = folder.Combine("text.png");
        File.WriteAllText(text, "hello");
        var (code, _, error) = Predict(model, Scan("good.png", 1), blank, text);
        Assert.Equal(1, code);
        Assert.StartsWith("error: 2 of 3 images cannot be read:", error);
        Assert.Contains($"  {blank}: no ink found", error);
        Assert.Contains($"  {text}: not an image", error);
    }

    [Fact]
    public void Missing_files_are_usage_errors()
    {
        var scan = Scan("scan.png", 1);
        var missingImage = folder.Combine("nowhere.png");
        var (code, output, error) = Predict(model, scan, missingImage);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.StartsWith($"error: IMAGE '{missingImage}' does not exist. Give an image file", error);

        var missingModel = folder.Combine("nowhere.keras");
        (code, _, error) = Predict(missingModel, scan);
        Assert.Equal(2, code);
        Assert.StartsWith($"error: MODEL '{missingModel}' does not exist.", error);
    }

    [Fact]
    public void A_damaged_model_or_one_for_other_images_is_an_error_naming_the_file()
    {
        var scan = Scan("scan.png", 1);
        var target = folder.Combine("seen");
        var damaged = folder.Combine("damaged.keras");
        File.WriteAllBytes(damaged, File.ReadAllBytes(model)[..5_000]);
        var (code, output, error) = Predict(damaged, scan, "--save-preprocessed", target);
        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.StartsWith($"error: Cannot load the model in '{damaged}': ", error);

        var rgb = folder.Combine("rgb.keras");
        keras.Sequential(keras.layers.Flatten(input_shape: (32, 32, 3)), keras.layers.Dense(10)).save(rgb);
        (code, output, error) = Predict(rgb, scan, "--save-preprocessed", target);
        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.StartsWith($"error: '{rgb}' cannot read digits: The model expects input of shape (None, 32, 32, 3)", error);
        Assert.Contains("28x28 grey", error);
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public void The_28x28_files_never_replace_the_images_read()
    {
        var scan = Scan("scan.png", 1);
        var before = File.ReadAllBytes(scan);
        var (code, output, error) = Predict(model, scan, "--save-preprocessed", folder.Path);
        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains($"would replace the image {scan}", error);
        Assert.Equal(before, File.ReadAllBytes(scan));
    }
}
