namespace KerasMnist.Tutorial;

/// <summary>A stage threw; the message names the stage and keeps the library's full message.</summary>
public sealed class StageFailedException(string stage, Exception inner)
    : Exception($"{stage}: {inner.Message}", inner)
{
    /// <summary>The stage that failed.</summary>
    public string Stage { get; } = stage;
}
