using KerasMnist.Tutorial;

namespace KerasMnist.Report;

/// <summary>
/// What one <c>run</c> did, as its report shows it: the options and machine, and per stage its wall time and what
/// each notebook cell printed and plotted. Filled by <see cref="RunRecorder"/> while the run goes on.
/// </summary>
public sealed class RunRecord
{
    /// <summary>The run's options.</summary>
    public required RunOptions Options { get; init; }

    /// <summary>The stages asked for on the command line (empty: all).</summary>
    public required IReadOnlyList<string> Requested { get; init; }

    /// <summary>Engine and host the run computed on.</summary>
    public required RunEnvironment Environment { get; init; }

    /// <summary>When the run started (local time with its offset).</summary>
    public required DateTimeOffset Started { get; init; }

    /// <summary>The stages that ran or started, in the order they ran.</summary>
    public List<StageRecord> Stages { get; } = [];

    /// <summary>The stage that failed, if one did (the run stopped there).</summary>
    public StageRecord? Failed => Stages.FirstOrDefault(s => s.Error is not null);
}

/// <summary>One stage of a run: why it ran, how long it took, how it failed, and its output in order.</summary>
public sealed class StageRecord(string name)
{
    /// <summary>The stage's command-line name, e.g. <c>explore</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The runner's note when the stage ran as a prerequisite of a requested one.</summary>
    public string? Note { get; init; }

    /// <summary>How long the stage ran (null while it runs).</summary>
    public TimeSpan? WallTime { get; set; }

    /// <summary>The error that stopped the stage, as the user saw it; null when it did not fail.</summary>
    public string? Error { get; set; }

    /// <summary>What the stage printed, plotted and wrote, in order.</summary>
    public List<OutputBlock> Output { get; } = [];
}

/// <summary>
/// Where output appeared: inside notebook cell <see cref="Cell"/>, or outside any cell after the stage's cell
/// <see cref="After"/> (null: before its first cell).
/// </summary>
public readonly record struct OutputPlace(int? Cell, int? After);

/// <summary>A piece of a stage's output.</summary>
public abstract record OutputBlock(OutputPlace Place);

/// <summary>The kinds of text a stage shows.</summary>
public enum TextKind
{
    /// <summary>Printed text: monospace in the report.</summary>
    Printed,
    /// <summary>A remark of the program (an estimate, a hint).</summary>
    Note,
    /// <summary>The stage's own markdown (the report shows the notebook's instead where there is one).</summary>
    Markdown,
    /// <summary>A subsection heading of the stage.</summary>
    Subheading,
}

/// <summary>Consecutive lines of one kind.</summary>
public sealed record TextBlock(OutputPlace Place, TextKind Kind, List<string> Lines) : OutputBlock(Place);

/// <summary>A table; <see cref="Headers"/> is empty for key/value rows.</summary>
public sealed record TableBlock(OutputPlace Place, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) : OutputBlock(Place);

/// <summary>The error that stopped the stage, where it stopped.</summary>
public sealed record ErrorBlock(OutputPlace Place, string Message) : OutputBlock(Place);

/// <summary>A file written to the output folder; <see cref="Png"/> holds its bytes when it is a PNG image (a plot).</summary>
public sealed record FileBlock(OutputPlace Place, string Path, byte[]? Png) : OutputBlock(Place);
