using KerasMnist.Tests.Datasets.Fixtures;
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
    [InlineData(1)]   // one validation image: one class
    [InlineData(10)]  // four validation images
    [InlineData(30)]  // thirteen
    public void Every_limit_the_command_line_accepts_runs_through_with_the_classes_that_occur(int limit)
    {
        var output = Path.Combine(folder, "output");
        var (code, stdout, error) = Run("run", "train", "analyze", "--epochs", "1", "--limit", $"{limit}", "--output", output);
        Assert.True(code == 0, $"{ExitStatus.Describe(code)}\n{error}\n{stdout}");

        using var matrix = SKBitmap.Decode(Path.Combine(output, "analyze_confusion_matrix.png"));
        Assert.NotNull(matrix);
    }
}
