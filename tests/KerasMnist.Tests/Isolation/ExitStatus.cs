namespace KerasMnist.Tests.Isolation;

/// <summary>
/// What a child process's exit code says. .NET reports a process killed by signal n as exit code 128 + n, as
/// shells do, so native crashes in libtorch show up as 134 (SIGABRT), 136 (SIGFPE), 137 (SIGKILL), 139 (SIGSEGV).
/// </summary>
public static class ExitStatus
{
    static readonly Dictionary<int, (string name, string meaning)> Signals = new()
    {
        [4] = ("SIGILL", "an instruction this CPU lacks"),
        [6] = ("SIGABRT", "aborted: a native assertion, or an unhandled .NET exception"),
        [7] = ("SIGBUS", "a bad memory access"),
        [8] = ("SIGFPE", "an integer division by zero in native code"),
        [9] = ("SIGKILL", "killed from outside, usually by the kernel's out-of-memory killer"),
        [11] = ("SIGSEGV", "an invalid memory access in native code"),
        [15] = ("SIGTERM", "terminated from outside"),
    };

    /// <summary>The signal that killed a process with <paramref name="exitCode"/>, or null if it exited by itself.</summary>
    public static string? SignalName(int exitCode) =>
        exitCode > 128 && Signals.TryGetValue(exitCode - 128, out var s) ? s.name : null;

    /// <summary>"exit 3", or "exit 136: killed by SIGFPE (an integer division by zero in native code)".</summary>
    public static string Describe(int exitCode) =>
        exitCode > 128 && Signals.TryGetValue(exitCode - 128, out var s)
            ? $"exit {exitCode}: killed by {s.name} ({s.meaning})"
            : exitCode > 128 ? $"exit {exitCode}: killed by signal {exitCode - 128}" : $"exit {exitCode}";
}
