using System.Globalization;
using System.Text.RegularExpressions;
using KerasMnist.Tests.Fixtures;
using KerasMnist.Tests.Isolation;
using SkiaSharp;

namespace KerasMnist.Tests.Tutorial;

/// <summary>
/// The analyze stage on the smallest data the command line accepts: with a few validation images only some classes
/// occur, and everything the stage prints and plots must follow the classes that do.
/// </summary>
public sealed class AnalyzeStageTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("kerasmnist-analyze-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    ProgramProcess.Result Run(params string[] args) => ProgramProcess.Run(folder,
        new Dictionary<string, string?> { ["KERASMNIST_DATA_DIR"] = SharedMnist.Folder }, TimeSpan.FromMinutes(10), args);

    [Theory]
    [InlineData(1, 1)]   // one validation image: one class
    [InlineData(10, 4)]  // four validation images
    [InlineData(30, 13)] // thirteen
    public void Every_limit_the_command_line_accepts_runs_through_with_the_classes_that_occur(int limit, int validationImages)
    {
        var output = Path.Combine(folder, "output");
        var (code, stdout, error) = Run("run", "train", "analyze", "--epochs", "1", "--limit", $"{limit}", "--output", output);
        Assert.True(code == 0, $"{ExitStatus.Describe(code)}\n{error}\n{stdout}");

        using var matrix = SKBitmap.Decode(Path.Combine(output, "analyze_confusion_matrix.png"));
        Assert.NotNull(matrix);

        // Cell 15 prints, for the (at most) five images whose true class got the lowest probability, the notebook's
        // "[idx] Vorhersage:\n[probabilities]\n-> predicted -- Echt: true", lowest first, and writes one figure each
        // under a name that says what they are.
        var samples = Regex.Matches(stdout, @"^\[(\d+)\] Vorhersage:\n\[([^\]]*)\]\n-> (\d+) -- Echt: (\d+)\n-> (\S+)$", RegexOptions.Multiline);
        Assert.Equal(Math.Min(5, validationImages), samples.Count);
        var trueClassProbabilities = new List<double>();
        foreach (var (sample, rank) in samples.Select((m, i) => (m, i + 1)))
        {
            var probabilities = sample.Groups[2].Value.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)
                .Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(10, probabilities.Length);
            int predicted = int.Parse(sample.Groups[3].Value), truth = int.Parse(sample.Groups[4].Value);
            Assert.Equal(Array.IndexOf(probabilities, probabilities.Max()), predicted);
            trueClassProbabilities.Add(probabilities[truth]);
            var figure = Path.Combine(output, $"analyze_lowest_true_class_{rank}.png");
            Assert.Equal(figure, sample.Groups[5].Value);
            using var bitmap = SKBitmap.Decode(figure);
            Assert.NotNull(bitmap);
        }
        Assert.Equal(trueClassProbabilities.Order(), trueClassProbabilities);

        // The text says what this run shows: the real count before, and after the images how many are misclassified.
        Assert.DoesNotContain("Unsicher war das Model bei ihnen meist nicht", stdout);
        Assert.Contains(validationImages >= 5 ? "die fünf Validierungsbilder" : validationImages == 1 ? "das Validierungsbild," : $"die {validationImages} Validierungsbilder", stdout);
        int wrong = samples.Count(m => m.Groups[3].Value != m.Groups[4].Value);
        Assert.Matches(samples.Count == 1
            ? (wrong == 1 ? "In diesem Lauf ist das Bild falsch klassifiziert" : "In diesem Lauf ist das Bild richtig klassifiziert")
            : $"In diesem Lauf (ist|sind) von den {samples.Count} Bildern {(wrong == 0 ? "keins" : $"{wrong}")} falsch klassifiziert", stdout);
    }

    [Fact]
    public void With_fashion_mnist_the_lines_name_the_classes_as_the_figure_titles_do()
    {
        const string fashion = "/usr/share/datasets/fashion-mnist";
        var output = Path.Combine(folder, "output");
        var (code, stdout, error) = Run("run", "train", "analyze", "--dataset", "fashion_mnist", "--data-dir", fashion,
            "--epochs", "1", "--limit", "30", "--output", output);
        Assert.True(code == 0, $"{ExitStatus.Describe(code)}\n{error}\n{stdout}");
        string[] names = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];
        var lines = Regex.Matches(stdout, @"^-> (.+) -- Echt: (.+)$", RegexOptions.Multiline);
        Assert.Equal(5, lines.Count);
        Assert.All(lines, line =>
        {
            Assert.Contains(line.Groups[1].Value, names);
            Assert.Contains(line.Groups[2].Value, names);
        });
    }
}
