using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KerasMnist.Datasets;
using KerasMnist.Keras.Models;
using KerasMnist.Tests.Fixtures;
using KerasMnist.Tests.Keras.Saving;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Cli;

/// <summary>
/// <c>KerasMnist evaluate MODEL</c> in-process: published Python Keras files reach the accuracies their README states,
/// the scaling and the labels are what the output says, and bad files are errors that name the file and the problem.
/// </summary>
public sealed class EvaluateCommandTests : IDisposable
{
    readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    static (int Code, string Out, string Err) Evaluate(params string[] args) =>
        AppTests.Run(["evaluate", .. args, "--data-dir", SharedMnist.Folder]);

    /// <summary>The list Python prints for <c>print(model.evaluate(ds))</c>, e.g. <c>[0.0237, 0.9918]</c>.</summary>
    internal static (double Loss, double Accuracy)? ScoresLine(string output) =>
        Regex.Match(output, @"^\[(\S+), (\S+)\]\r?$", RegexOptions.Multiline) is { Success: true } m
            ? (Parse(m.Groups[1].Value), Parse(m.Groups[2].Value))
            : null;

    /// <summary>The German accuracy line: <c>Genauigkeit: 0,9918 (9.918 von 10.000 Bildern richtig)</c>.</summary>
    internal static double AccuracyLine(string output)
    {
        var m = Regex.Match(output, @"^Genauigkeit: (\d,\d{4}) \(([\d.]+) von ([\d.]+) Bildern richtig\)\r?$", RegexOptions.Multiline);
        Assert.True(m.Success, $"no accuracy line in:\n{output}");
        return Parse(m.Groups[1].Value.Replace(',', '.'));
    }

    static double Parse(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    /// <summary>Each published file with the test accuracy its README states ("... keras3_cnn_moonflower.keras 0.9918, ...").</summary>
    static List<(string Path, double Accuracy)> PublishedAccuracies()
    {
        var folder = Path.GetDirectoryName(PublishedModels.Keras3Cnn)!;
        var readme = File.ReadAllText(Path.Combine(folder, "README.md")).ReplaceLineEndings(" ");
        return Regex.Matches(readme, @"(\w+\.(?:keras|h5)) (0\.\d{4})")
            .Select(m => (Path.Combine(folder, m.Groups[1].Value), Parse(m.Groups[2].Value)))
            .DistinctBy(p => p.Item1).ToList();
    }

    [Fact]
    public void The_published_files_reach_their_READMEs_accuracies_through_evaluate()
    {
        var published = PublishedAccuracies();
        Assert.True(published.Count >= 2, "the keras-models README states no accuracies");
        foreach (var (path, expected) in published)
        {
            var (code, output, error) = Evaluate(path);
            Assert.True(code == 0, $"{path}: exit {code}\n{error}");
            Assert.Contains($"Model aus {path}:", output);
            Assert.Contains("Total params: 34826", output);
            Assert.Contains("Eingabe: x/255", output);
            // Both were compiled with categorical_crossentropy: evaluate must one-hot the labels and say so.
            Assert.Contains("Labels: one-hot", output);
            var scores = ScoresLine(output) ?? throw new Xunit.Sdk.XunitException($"no [loss, accuracy] line:\n{output}");
            var accuracy = AccuracyLine(output);
            Assert.Equal(scores.Accuracy, accuracy, 4);
            Assert.True(Math.Abs(accuracy - expected) <= 0.0003, $"{Path.GetFileName(path)}: accuracy {accuracy}, README {expected}");
            Assert.InRange(scores.Loss, 0.005, 0.1); // a well-trained CNN; wrongly scaled inputs or labels give far more
        }
    }

    /// <summary>
    /// A linear model on 28x28 inputs without a channel axis whose class-k logit is k/1000 times the sum of the pixels:
    /// its loss shows the scale the pixels were divided by, and its accuracy is the share of nines (the largest logit).
    /// </summary>
    string LinearModel(bool compiled)
    {
        var model = keras.Sequential(keras.layers.Flatten(input_shape: (28, 28)), keras.layers.Dense(10));
        var kernel = arange(10, ScalarType.Float32).mul(1e-3f).unsqueeze(0).expand(784, 10).contiguous();
        model.layers[1].SetWeights([kernel, zeros(10)]);
        if (compiled)
            model.compile(keras.optimizers.Adam(0.001f), keras.losses.SparseCategoricalCrossentropy(from_logits: true), ["accuracy"]);
        var path = folder.Combine(compiled ? "linear.keras" : "uncompiled.keras");
        model.save(path);
        return path;
    }

    static (double Loss, double Accuracy) LinearModelScores(int n, float scale)
    {
        using var builder = tfds.builder("mnist", data_dir: SharedMnist.Folder, download: false);
        var (images, labels) = builder.as_tensors("test");
        using var x = images.narrow(0, 0, n).to_type(ScalarType.Float64).div(scale).reshape(n, 784);
        using var y = labels.narrow(0, 0, n);
        using var logits = x.sum(1, keepdim: true).mul(arange(10, ScalarType.Float64).mul(1e-3));
        using var loss = nn.functional.cross_entropy(logits, y);
        using var nines = y.eq(9).to_type(ScalarType.Float64).mean();
        return (loss.item<double>(), nines.item<double>());
    }

    [Theory]
    [InlineData("255")]
    [InlineData("1")]
    public void The_pixels_are_divided_by_the_scale_and_fed_without_a_channel_axis_when_the_model_has_none(string scale)
    {
        var (code, output, error) = Evaluate(LinearModel(compiled: true), "--scale", scale, "--limit", "300");
        Assert.True(code == 0, error);
        var expected = LinearModelScores(300, float.Parse(scale, CultureInfo.InvariantCulture));
        var scores = ScoresLine(output) ?? throw new Xunit.Sdk.XunitException(output);
        Assert.Equal(expected.Loss, scores.Loss, expected.Loss * 1e-5);
        Assert.Equal(expected.Accuracy, scores.Accuracy, 1e-6);
        Assert.Contains("die ersten 300 von 10.000 Bildern (--limit)", output);
        Assert.Contains("Form pro Bild: (28, 28), ohne Kanalachse", output);
        Assert.Contains(scale == "1" ? "die rohen Pixelwerte 0..255 (--scale 1)" : "Eingabe: x/255", output);
        Assert.DoesNotContain("one-hot", output);
    }

    [Fact]
    public void A_file_without_compile_config_gets_the_accuracy_alone_with_a_note()
    {
        var (code, output, error) = Evaluate(LinearModel(compiled: false), "--limit", "300");
        Assert.True(code == 0, error);
        Assert.Contains("keine compile-Konfiguration", output);
        Assert.Null(ScoresLine(output));
        Assert.Equal(LinearModelScores(300, 255).Accuracy, AccuracyLine(output), 4);
    }

    string Published(string name)
    {
        var path = folder.Combine(name);
        File.Copy(PublishedModels.Keras3Cnn, path);
        return path;
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "truncated", "not a zip archive" },
        { "damaged", "model.weights.h5 fails the zip archive's CRC-32 check" },
        { "no weights", "the archive has no model.weights.h5" },
        { "shapes", "but the config's layer needs (3, 3, 1, 16)" },
        { "newer", "saved by Keras 4.0.0, a newer format" },
        { "hdf5", "it is an HDF5 file but not a Keras model" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_model_file_is_an_error_naming_the_file_and_the_problem_and_nothing_is_written(string damage, string problem)
    {
        var path = Published($"{damage.Replace(' ', '_')}.keras");
        switch (damage)
        {
            case "truncated":
                File.WriteAllBytes(path, File.ReadAllBytes(path)[..20_000]);
                break;
            case "damaged":
                ArchiveEdits.FlipByteOfEntry(path, "model.weights.h5", 0.5, 0x40);
                break;
            case "no weights":
                ArchiveEdits.ReplaceEntry(path, "model.weights.h5", null);
                break;
            case "shapes":
                var config = ArchiveEdits.ReadText(path, "config.json");
                var edited = Regex.Replace(config, @"""filters"": ?32", "\"filters\": 16");
                Assert.NotEqual(config, edited);
                ArchiveEdits.ReplaceEntry(path, "config.json", Encoding.UTF8.GetBytes(edited));
                break;
            case "newer":
                ArchiveEdits.ReplaceEntry(path, "metadata.json", Encoding.UTF8.GetBytes("{\"keras_version\": \"4.0.0\"}"));
                break;
            case "hdf5":
                File.Delete(path);
                using (var stream = File.Create(path))
                    new PureHDF.H5File { ["images"] = new float[] { 1, 2, 3 } }.Write(stream);
                break;
        }
        var before = folder.Files();

        var (code, output, error) = Evaluate(path);

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.StartsWith($"error: Cannot load the model in '{path}': ", error);
        Assert.Contains(problem, error);
        Assert.Equal(before, folder.Files());
    }

    [Fact]
    public void A_model_file_that_does_not_exist_is_a_usage_error()
    {
        var path = folder.Combine("absent.keras");
        var (code, output, error) = Evaluate(path);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.StartsWith($"error: MODEL '{path}' does not exist. Give a .keras or .h5 model file", error);
        Assert.Empty(folder.Files());
    }

    [Fact]
    public void A_model_for_other_inputs_is_refused_before_any_data_is_read()
    {
        var path = folder.Combine("rgb.keras");
        keras.Sequential(keras.layers.Flatten(input_shape: (32, 32, 3)), keras.layers.Dense(10)).save(path);
        var (code, _, error) = Evaluate(path);
        Assert.Equal(1, code);
        Assert.Contains($"'{path}': the model expects input of shape (None, 32, 32, 3)", error);
        Assert.Contains("28x28 grey", error);
    }

    [Theory]
    [InlineData("--split", "tset")]
    [InlineData("--scale", "100")]
    [InlineData("--limit", "0")]
    public void Bad_option_values_are_usage_errors(string option, string value)
    {
        var (code, output, error) = Evaluate(PublishedModels.Keras3Cnn, option, value);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.StartsWith($"error: {option}", error);
        Assert.Contains("'KerasMnist evaluate --help' for usage.", error);
    }
}
