namespace KerasMnist.Tutorial;

/// <summary>
/// What a <c>run</c> is configured with: the command line's options, already validated.
/// Stages read them where the notebook has a fixed value (epochs) or an implicit one (data folder).
/// </summary>
public sealed record RunOptions
{
    /// <summary>The seed used when <c>--seed</c> is not given. Keras has none; a fixed one makes classroom runs repeat exactly.</summary>
    public const int DefaultSeed = 42;

    /// <summary>Where tfds finds or stores the datasets (<c>tfds.load(data_dir=...)</c>); null lets tfds decide.</summary>
    public string? DataDir { get; init; }

    /// <summary>Folder for plots and reports.</summary>
    public string Output { get; init; } = "output";

    /// <summary>The tfds dataset name, <c>mnist</c> or <c>fashion_mnist</c>.</summary>
    public string Dataset { get; init; } = "mnist";

    /// <summary>Seed for torch and tf.data (<c>keras.utils.set_random_seed</c>).</summary>
    public int Seed { get; init; } = DefaultSeed;

    /// <summary>Epochs for every training stage; null keeps each stage's notebook value (<see cref="StageAttribute.Epochs"/>).</summary>
    public int? Epochs { get; init; }

    /// <summary>Use only the first N training examples (validation and test shrink by the same fraction); null uses all.</summary>
    public int? Limit { get; init; }

    /// <summary>Torch device, <c>cpu</c> or <c>cuda</c>.</summary>
    public string Device { get; init; } = "cpu";
}
