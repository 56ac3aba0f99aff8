using System.Text.RegularExpressions;
using KerasMnist.Tests.Fixtures;
using KerasMnist.Tests.Tutorial;
using TorchSharp;

namespace KerasMnist.Tests.Cli;

/// <summary><c>KerasMnist run ...</c>: its options as parsed, and runs end to end as a process.</summary>
public sealed class RunCommandTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("kerasmnist-run-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    static (IReadOnlyList<string> Stages, KerasMnist.Tutorial.RunOptions Options) Parse(params string[] args)
    {
        var run = AppTests.RunCommand();
        var result = run.Parents.OfType<KerasMnist.Cli.ProgramCommand>().Single().Parse(args);
        Assert.Null(KerasMnist.Cli.UsageError.Find(result));
        return (result.GetValue<string[]>("STAGE") ?? [], run.Bind(result));
    }

    [Fact]
    public void RunWithoutStagesKeepsTheDefaults()
    {
        var (stages, options) = Parse("run");
        Assert.Empty(stages);
        Assert.Equal(("output", "mnist", 42, "cpu"), (options.Output, options.Dataset, options.Seed, options.Device));
        Assert.Null(options.Epochs);
        Assert.Null(options.Limit);
        Assert.Null(options.DataDir);
    }

    [Fact]
    public void RunTakesStagesAndEveryOptionInBothSpellings()
    {
        var data = Directory.CreateDirectory(Path.Combine(folder, "data")).FullName;
        var (stages, o) = Parse("run", "explore", "--data-dir", data, "--output=out dir", "--dataset", "fashion_mnist",
            "collect", "--seed=7", "--epochs", "3", "--limit", "2000", "--device=cpu");
        Assert.Equal(["explore", "collect"], stages);
        Assert.Equal((data, "out dir", "fashion_mnist", 7, 3, 2000, "cpu"), (o.DataDir, o.Output, o.Dataset, o.Seed, o.Epochs, o.Limit, o.Device));
    }

    [Fact]
    public void ColabAndProblemPrintTheirSectionsInOrderWithWallTimes()
    {
        var (code, output, error) = ProgramProcess.Run(folder, "run", "problem", "colab");
        Assert.True(code == 0, error);
        Assert.Empty(error);

        // Notebook order, whatever order the command line used.
        var colab = output.IndexOf("# Google Colab  (colab)", StringComparison.Ordinal);
        var problem = output.IndexOf("# Problemstellung / Ziffernerkennung  (problem)", StringComparison.Ordinal);
        Assert.True(colab >= 0 && problem > colab, output);
        Assert.DoesNotContain("needs", output);

        // colab: the nvidia-smi counterpart, one aligned row per fact.
        // In German like the rest of the run (issue 13), engine names aside.
        foreach (var key in new[] { "Gerät", "CUDA", "Threads", "TorchSharp", "libtorch", "CPU", "Speicher", "Betriebssystem", ".NET" })
            Assert.Matches(new Regex($"^{Regex.Escape(key)} +\\S", RegexOptions.Multiline), output);
        Assert.Contains($"libtorch        {torch.__version__}", output);
        Assert.Matches(new Regex(@"^Threads         [1-9]\d* \(libtorch intra-op; [1-9]\d* logische?r? Kerne?\)", RegexOptions.Multiline), output);
        Assert.Matches(new Regex(@"^CUDA            (nicht )?verfügbar", RegexOptions.Multiline), output);
        Assert.DoesNotContain("not available", output);

        // problem: the task and the accuracy formula in plain Unicode.
        Assert.Contains("acc = 1/n · Σᵢ₌₁ⁿ [ argmax_ŷ p(ŷ | xᵢ) == yᵢ ]", output);
        Assert.Contains("## Ziffernerkennung", output);
        Assert.Contains("Konfusionsmatrix", output);

        Assert.Matches(new Regex(@"^Laufzeit \(colab\): \d", RegexOptions.Multiline), output);
        Assert.Matches(new Regex(@"^Laufzeit \(problem\): \d", RegexOptions.Multiline), output);
        Assert.Matches(new Regex(@"^Fertig: 2 Abschnitte in ", RegexOptions.Multiline), output);
        Assert.DoesNotContain("\u001b[", output);
        // The output folder is created up front even when no stage writes to it.
        Assert.True(Directory.Exists(Path.Combine(folder, "output")));
    }

    [Fact]
    public void StagesGivenOutOfOrderRunInNotebookOrder()
    {
        var (code, output, error) = ProgramProcess.Run(folder, "run", "build", "problem");
        Assert.True(code == 0, error);
        var problem = output.IndexOf("# Problemstellung", StringComparison.Ordinal);
        var build = output.IndexOf("# Bauen eines ersten Models", StringComparison.Ordinal);
        Assert.True(problem >= 0 && build > problem, output);
        Assert.StartsWith("Abschnitte: problem build | Datensatz mnist | Seed 42 | Gerät cpu | Ausgabe ", output);
    }

    [Fact]
    public void AnUnavailableDeviceIsAClearErrorWithoutAStackTrace()
    {
        var result = ProgramProcess.Run(folder, "run", "colab", "--device", "cuda");
        if (torch.cuda.is_available())
        {
            Assert.Equal(0, result.Code);
            return;
        }
        Assert.Equal(1, result.Code);
        Assert.StartsWith("error: --device cuda was asked for", result.Err);
        Assert.Contains("--device cpu", result.Err);
        Assert.DoesNotContain("   at ", result.Err);
        Assert.DoesNotContain("# Google Colab", result.Out);
        // Nothing was written, so nothing is left behind.
        Assert.False(Directory.Exists(Path.Combine(folder, "output")));
    }

    [Fact]
    public void MissingDataIsAClearErrorNamingTheFolderAndTheFix()
    {
        var empty = Directory.CreateDirectory(Path.Combine(folder, "empty")).FullName;
        var result = ProgramProcess.Run(folder, new Dictionary<string, string?>
        {
            ["KERASMNIST_DATA_DIR"] = null,
            // Nothing cached, and a mirror that refuses at once: no network, no waiting.
            ["XDG_CACHE_HOME"] = Path.Combine(folder, "cache"),
            ["KERASMNIST_MIRRORS"] = "http://127.0.0.1:9/",
        }, "run", "collect", "--data-dir", empty);
        Assert.Equal(1, result.Code);
        Assert.Contains("error: collect: ", result.Err);
        Assert.Contains(empty, result.Err);
        Assert.Contains("--data-dir", result.Err);
        Assert.DoesNotContain("   at ", result.Err);
        // The run failed before writing anything: it leaves no empty output folder behind.
        Assert.False(Directory.Exists(Path.Combine(folder, "output")));
    }

    [Fact]
    public void ALimitLargerThanTheSplitSaysSoAndUsesAllImages()
    {
        var (code, stdout, error) = ProgramProcess.Run(folder, new Dictionary<string, string?>
        {
            ["KERASMNIST_DATA_DIR"] = SharedMnist.Folder,
        }, "run", "collect", "--limit", "50000", "--output", Path.Combine(folder, "out"));
        Assert.True(code == 0, $"exit {code}\n{error}\n{stdout}");
        Assert.Contains("Hinweis: --limit 50.000 ist größer als ds_train (42.000 Bilder): wir nehmen alle 42.000 Trainingsbilder", stdout);
        Assert.Matches(new Regex(@"^ds_train +train\[:70%\] +42\.000$", RegexOptions.Multiline), stdout);
        Assert.Matches(new Regex(@"^ds_test +test +10\.000$", RegexOptions.Multiline), stdout);
    }

    [Fact]
    public void CollectExplorePrepareOnRealMnistWithLimitPrintSizesAndWritePlots()
    {
        var output = Path.Combine(folder, "plots");
        var (code, stdout, error) = ProgramProcess.Run(folder, new Dictionary<string, string?>
        {
            ["KERASMNIST_DATA_DIR"] = SharedMnist.Folder,
        }, "run", "prepare", "explore", "--limit", "2000", "--output", output);
        Assert.True(code == 0, $"exit {code}\n{error}\n{stdout}");

        Assert.Contains("explore braucht collect: läuft zuerst.", stdout);
        // --limit 2000: the first 2,000 of 42,000 training images, the same share (2/42) of validation and test.
        Assert.Matches(new Regex(@"^ds_train +train\[:70%\] +2\.000 von 42\.000 \(--limit\)$", RegexOptions.Multiline), stdout);
        Assert.Matches(new Regex(@"^ds_valid +train\[70%:\] +857 von 18\.000 \(--limit\)$", RegexOptions.Multiline), stdout);
        Assert.Matches(new Regex(@"^ds_test +test +476 von 10\.000 \(--limit\)$", RegexOptions.Multiline), stdout);
        // prepare: batches of 128 = steps per epoch.
        Assert.Matches(new Regex(@"^ds_train +16 ", RegexOptions.Multiline), stdout);
        Assert.Matches(new Regex(@"^ds_valid +7 ", RegexOptions.Multiline), stdout);
        Assert.Matches(new Regex(@"^ds_test +4 ", RegexOptions.Multiline), stdout);

        var range = Regex.Match(stdout, @"^Min: (\d+) - Max: (\d+)$", RegexOptions.Multiline);
        Assert.True(range.Success, stdout);
        Assert.True(int.Parse(range.Groups[2].Value) > 200 && int.Parse(range.Groups[1].Value) == 0, range.Value);

        foreach (var png in new[] { "explore_show_examples.png", "explore_imshow.png", "explore_countplot.png" })
        {
            var path = Path.Combine(output, png);
            Assert.True(File.Exists(path), $"{png} missing; output:\n{stdout}");
            Assert.True(new FileInfo(path).Length > 5_000, $"{png} is only {new FileInfo(path).Length} bytes");
            Assert.Contains(path, stdout);
        }
    }
}
