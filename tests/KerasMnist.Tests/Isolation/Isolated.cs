using System.Diagnostics;
using System.Reflection;

namespace KerasMnist.Tests.Isolation;

/// <summary>
/// Runs a test body in a child process, so native code that kills its process (a SIGFPE or SIGSEGV inside
/// libtorch, the out-of-memory killer) fails that one test with the signal's name and the last step the body
/// announced, instead of aborting the whole test run. The body is a static method of this assembly taking
/// <c>string[]</c> (any visibility); the child is this test assembly itself, started through <see cref="ChildProgram"/>.
/// Use it for tests that drive native kernels able to crash (convolutions, whole ResNet50 runs).
/// </summary>
/// <example>
/// <code>
/// [Fact] public void Fits() =&gt; Isolated.Run(FitsInChild, "resnet50");
/// static void FitsInChild(string[] args) { Isolated.Step("fit"); ...; Assert.True(...); }
/// </code>
/// </example>
public static class Isolated
{
    /// <summary>The marker before a step's name on the child's standard output.</summary>
    const string StepMarker = "[step] ";

    /// <summary>In the child: announces what runs next, so a crash report can name it.</summary>
    public static void Step(string what)
    {
        Console.Out.WriteLine(StepMarker + what);
        Console.Out.Flush();
    }

    /// <summary>
    /// Runs <paramref name="body"/>(<paramref name="args"/>) in a child process and returns its standard output.
    /// Fails the calling test when the body throws (its failure message is shown), when a signal kills the child
    /// (named, with the last announced step), or when it runs past <paramref name="timeout"/> (default 5 minutes).
    /// </summary>
    public static string Run(Action<string[]> body, string[] args, TimeSpan? timeout = null)
    {
        var method = body.Method;
        if (!method.IsStatic || method.DeclaringType?.Assembly != typeof(Isolated).Assembly)
            throw new ArgumentException("The body must be a static method of the test assembly, not a lambda.", nameof(body));
        var limit = timeout ?? TimeSpan.FromMinutes(5);

        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "exec", typeof(Isolated).Assembly.Location, ChildProgram.Flag,
                     method.DeclaringType!.FullName!, method.Name }.Concat(args))
            start.ArgumentList.Add(arg);

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        string what = $"{method.DeclaringType.Name}.{method.Name}({string.Join(", ", args)})";
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"{what} did not finish within {limit.TotalMinutes} minutes; last step: {LastStep(stdout.Result)}.");
        }
        process.WaitForExit(); // the redirected streams are complete only after this
        string output = stdout.Result, errors = stderr.Result;
        if (process.ExitCode == 0) return output;
        string outcome = process.ExitCode > 128 ? "crashed the process" : "failed";
        string tail = string.Join('\n', errors.Split('\n').TakeLast(30));
        Assert.Fail($"{what} {outcome} ({ExitStatus.Describe(process.ExitCode)}) during: {LastStep(output)}.\n{tail}");
        return output;
    }

    /// <inheritdoc cref="Run(Action{string[]}, string[], TimeSpan?)"/>
    public static string Run(Action<string[]> body, params string[] args) => Run(body, args, null);

    static string LastStep(string output) =>
        output.Split('\n').LastOrDefault(l => l.StartsWith(StepMarker))?[StepMarker.Length..].TrimEnd() ?? "(start-up, before the first step)";

    // The SDK's test runner names the dotnet it runs on; otherwise the one on PATH.
    static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>The body method a child was asked to run, or an error naming what was not found.</summary>
    internal static MethodInfo Find(string typeName, string methodName) =>
        typeof(Isolated).Assembly.GetType(typeName)?.GetMethod(methodName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, [typeof(string[])])
        ?? throw new ArgumentException($"No static {typeName}.{methodName}(string[]) in {typeof(Isolated).Assembly.GetName().Name}.");
}
