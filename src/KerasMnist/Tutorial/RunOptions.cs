namespace KerasMnist.Tutorial;

/// <summary>
/// What a <c>run</c> is configured with: the command line's options, already validated (their defaults and
/// rules are declared with the options, in Cli/). Stages read them where the notebook has a fixed value
/// (epochs) or an implicit one (data folder).
/// </summary>
public sealed record RunOptions
{
    /// <summary>Where tfds finds the dataset's files (<c>tfds.load(data_dir=...)</c>); null lets tfds decide.</summary>
    public string? DataDir { get; init; }

    /// <summary>Folder for plots and reports.</summary>
    public required string Output { get; init; }

    /// <summary>The tfds dataset name, e.g. <c>mnist</c> or <c>fashion_mnist</c>.</summary>
    public required string Dataset { get; init; }

    /// <summary>Seed for torch and tf.data (<c>keras.utils.set_random_seed</c>).</summary>
    public required int Seed { get; init; }

    /// <summary>Epochs for every training stage; null keeps each stage's notebook value (<see cref="StageAttribute.Epochs"/>).</summary>
    public int? Epochs { get; init; }

    /// <summary>Use only the first N training examples (validation and test shrink by the same fraction); null uses all.</summary>
    public int? Limit { get; init; }

    /// <summary>Torch device, <c>cpu</c> or <c>cuda</c>.</summary>
    public required string Device { get; init; }
}
