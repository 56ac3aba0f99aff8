namespace KerasMnist.Cli;

/// <summary>
/// The command line was wrong (unknown command, stage or option, or a bad option value).
/// The program prints the message and a pointer to the command's help, and exits with 2.
/// </summary>
public sealed class UsageException(string message, string? command = null) : Exception(message)
{
    /// <summary>The command whose <c>--help</c> the user should read, or null for the top-level usage.</summary>
    public string? Command { get; } = command;
}
