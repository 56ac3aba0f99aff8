namespace KerasMnist.Tests.Isolation;

/// <summary>
/// Tests whose child process trains or runs a whole ResNet50 (minutes of both cores on a busy machine). xunit runs
/// this collection on its own after the parallel ones, so they do not slow the end-to-end run down to its timeout.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WholeModelCollection
{
    public const string Name = "Whole ResNet50 runs";
}
