using System.Diagnostics;

namespace KerasMnist.Tests.Tutorial;

/// <summary>
/// Runs the real program (KerasMnist.dll, copied beside the tests) as a child process. Runs go through a
/// process because they set the engine's process-wide seed and device, which in-process would leak into
/// tests running in parallel.
/// </summary>
public static class ProgramProcess
{
    public sealed record Result(int Code, string Out, string Err);

    public static Result Run(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        Run(workingDirectory, environment, TimeSpan.FromMinutes(2), args);

    public static Result Run(string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "KerasMnist.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment.Remove("KERASMNIST_DEBUG");
        foreach (var (name, value) in environment)
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"KerasMnist {string.Join(" ", args)} did not finish within {timeout.TotalMinutes} minutes.");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static Result Run(string workingDirectory, params string[] args) =>
        Run(workingDirectory, new Dictionary<string, string?>(), args);

    // The SDK's test runner names the dotnet it runs on; otherwise the one on PATH.
    static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
}
