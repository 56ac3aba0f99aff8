using System.Globalization;
using System.Text.RegularExpressions;
using KerasMnist.Tests.Cli;
using KerasMnist.Tests.Fixtures;
using KerasMnist.Tests.Isolation;

namespace KerasMnist.Tests.Tutorial;

/// <summary>
/// The training stages leave their models in --output, and <c>evaluate</c> on a saved file reproduces the
/// <c>print(model.evaluate(ds_test))</c> the stage printed: the file holds the trained model, not a fresh one.
/// </summary>
public sealed class SavedModelsTests : IDisposable
{
    readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Train_and_improve_save_their_models_and_evaluate_on_the_files_gives_the_stages_test_scores()
    {
        var output = folder.Combine("output");
        var (code, stdout, error) = ProgramProcess.Run(folder.Path,
            new Dictionary<string, string?> { ["KERASMNIST_DATA_DIR"] = SharedMnist.Folder },
            TimeSpan.FromMinutes(20), "run", "train", "analyze", "improve", "--epochs", "1", "--limit", "2000", "--output", output);
        Assert.True(code == 0, $"{ExitStatus.Describe(code)}\n{error}\n{stdout}");

        // analyze and improve each print [loss, accuracy] for train, valid and test; the third is the test split.
        var printed = Regex.Matches(stdout, @"^\[(\S+), (\S+)\]$", RegexOptions.Multiline)
            .Select(m => (Loss: Parse(m.Groups[1].Value), Accuracy: Parse(m.Groups[2].Value))).ToList();
        Assert.Equal(6, printed.Count);
        // --limit 2000 keeps the same share of the 10,000 test images: the first 476.
        var testImages = Regex.Match(stdout, @"ds_test\s+test\s+(\d+) von").Groups[1].Value;
        Assert.Equal("476", testImages);

        foreach (var (file, stageTest) in new[] { ("mlp.keras", printed[2]), ("cnn.keras", printed[5]) })
        {
            var path = Path.Combine(output, file);
            Assert.True(File.Exists(path), $"{file} was not saved:\n{stdout}");
            Assert.Contains($"-> {path}", stdout);

            var (evaluateCode, evaluated, evaluateError) = AppTests.Run("evaluate", path, "--limit", testImages, "--data-dir", SharedMnist.Folder);
            Assert.True(evaluateCode == 0, evaluateError);
            var scores = EvaluateCommandTests.ScoresLine(evaluated) ?? throw new Xunit.Sdk.XunitException(evaluated);
            Assert.Equal(stageTest.Loss, scores.Loss, stageTest.Loss * 1e-5);
            Assert.Equal(stageTest.Accuracy, scores.Accuracy, 1e-9);
        }
    }

    static double Parse(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
