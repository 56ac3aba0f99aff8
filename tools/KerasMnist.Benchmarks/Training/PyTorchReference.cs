using System.Diagnostics;
using System.Globalization;

namespace KerasMnist.Benchmarks.Training;

/// <summary>
/// PyTorch in Python on this machine, as a child process (tools/pytorch-reference/train_mnist.py --serve) that
/// trains one epoch (ResNet50: one step) per request, so its epochs alternate with ours and a drift in machine speed hits all sides.
/// The child computes while this process waits for its answer, so the two never share the cores.
/// </summary>
internal sealed class PyTorchReference : IDisposable
{
    const string Script = "tools/pytorch-reference/train_mnist.py";
    readonly Process process;

    public PyTorchReference(string python, string mnistFolder, bool channelsLast)
    {
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { FindScript(), mnistFolder, "--serve", "--threads", TorchSharp.torch.get_num_threads().ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(arg);
        if (channelsLast) start.ArgumentList.Add("--channels-last");
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {python}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"--pytorch {python}: cannot run it ({e.Message}). Give a Python with torch, e.g. /usr/bin/python3 " +
                                                "after `apt install python3-torch libopenblas0-openmp`.", e);
        }
        Version = Read("its version line");
        if (Read("'ready'") != "ready")
            throw new InvalidOperationException($"{python} {Script} did not start serving; run it by hand to see why.");
    }

    /// <summary>The child's first line: PyTorch version, threads, CPU capability.</summary>
    public string Version { get; }

    /// <summary>Trains one epoch of <paramref name="model"/> (mlp or cnn) and returns its seconds, timed inside Python.</summary>
    public double Epoch(string model) => Ask($"epoch {model}");

    /// <summary>Validation accuracy of <paramref name="model"/> after the epochs so far.</summary>
    public double Accuracy(string model) => Ask($"accuracy {model}");

    /// <summary>Trains one step of <paramref name="model"/> (resnet50) on its next batch and returns its seconds.</summary>
    public double Step(string model) => Ask($"step {model}");

    /// <summary>The loss of <paramref name="model"/>'s last step.</summary>
    public double Loss(string model) => Ask($"loss {model}");

    double Ask(string command)
    {
        process.StandardInput.WriteLine(command);
        process.StandardInput.Flush();
        return double.Parse(Read($"an answer to '{command}'"), CultureInfo.InvariantCulture);
    }

    string Read(string what) => process.StandardOutput.ReadLine()
        ?? throw new InvalidOperationException($"the PyTorch reference exited (code {WaitExit()}) instead of printing {what}; " +
                                               $"its error is above. It needs python3-torch: run {Script} by hand to check.");

    int WaitExit()
    {
        process.WaitForExit(5000);
        return process.HasExited ? process.ExitCode : -1;
    }

    // dotnet run starts the benchmark in the repository (or below it): look upwards for the script.
    static string FindScript()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var path = Path.Combine(dir.FullName, Script);
                if (File.Exists(path)) return path;
            }
        throw new FileNotFoundException($"{Script} not found above {Environment.CurrentDirectory}: run the benchmark from the repository.");
    }

    public void Dispose()
    {
        try
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(10_000)) process.Kill();
        }
        catch (InvalidOperationException) { } // already gone
        process.Dispose();
    }
}
