namespace KerasMnist.Tests.Keras.Training;

/// <summary>
/// Tests that reseed torch's process-wide generator or redirect Console.Error. xunit runs this collection on its
/// own after the parallel ones, so no other test draws random numbers or writes to stderr in between.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalStateCollection
{
    public const string Name = "Keras global state";
}
