namespace KerasMnist.Tests.Keras.Training;

/// <summary>
/// Tests that reseed torch's process-wide random generator and tf's global seed (keras.utils.set_random_seed), or
/// count on the session's layer-name counters (keras.backend.clear_session). Both are process state that libtorch
/// and Keras keep global, so xunit runs this collection on its own after the parallel ones: no other test draws
/// random numbers or names a layer in between. (Library output needs no such care: each test captures its own.)
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalStateCollection
{
    public const string Name = "Keras global state";
}
