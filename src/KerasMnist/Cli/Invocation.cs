using KerasMnist.Tutorial;

namespace KerasMnist.Cli;

/// <summary>What the command line asked for, after parsing and validation.</summary>
public sealed record Invocation
{
    /// <summary>The command: <c>list</c>, <c>run</c>, or null for the program itself (usage, version).</summary>
    public string? Command { get; init; }

    /// <summary>Show help (of <see cref="Command"/>, or the usage when there is none) instead of doing anything.</summary>
    public bool Help { get; init; }

    /// <summary><c>--version</c> was given.</summary>
    public bool Version { get; init; }

    /// <summary>The stage names given to <c>run</c>, as typed (empty = all stages).</summary>
    public IReadOnlyList<string> Stages { get; init; } = [];

    /// <summary>The options given to <c>run</c>.</summary>
    public RunOptions Options { get; init; } = new();
}
