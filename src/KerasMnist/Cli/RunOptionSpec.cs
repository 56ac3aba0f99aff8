using System.Globalization;
using KerasMnist.Tutorial;

namespace KerasMnist.Cli;

/// <summary>
/// One option of <c>run</c>: its name, help line and how its value is checked and stored.
/// The table below is the single source for parsing, <c>--help</c> and the "valid options" list in errors.
/// </summary>
public sealed record RunOptionSpec(string Name, string ValueName, string Help, Func<RunOptions, string, RunOptions> Apply)
{
    /// <summary>The datasets <c>--dataset</c> accepts (tfds names).</summary>
    public static readonly IReadOnlyList<string> Datasets = ["mnist", "fashion_mnist"];

    /// <summary>The devices <c>--device</c> accepts.</summary>
    public static readonly IReadOnlyList<string> Devices = ["cpu", "cuda"];

    /// <summary>The options of <c>run</c>, in the order <c>--help</c> shows them.</summary>
    public static readonly IReadOnlyList<RunOptionSpec> All =
    [
        new("--data-dir", "DIR",
            "Folder holding the dataset's files, e.g. train-images-idx3-ubyte.gz (default: $KERASMNIST_DATA_DIR, " +
            "else the user cache ~/.cache/kerasmnist, else a download into it)",
            (o, v) => o with { DataDir = NonEmpty(v, "--data-dir") }),
        new("--output", "DIR",
            "Folder for plots and reports, created if missing (default: ./output)",
            (o, v) => o with { Output = NonEmpty(v, "--output") }),
        new("--dataset", "NAME",
            $"{string.Join(" or ", Datasets)} (default: mnist)",
            (o, v) => o with { Dataset = OneOf(v, "--dataset", Datasets) }),
        new("--seed", "N",
            $"Random seed for torch and tf.data, 0 or more (default: {RunOptions.DefaultSeed}, so runs repeat exactly)",
            (o, v) => o with { Seed = WholeNumber(v, "--seed", min: 0) }),
        new("--epochs", "N",
            "Epochs for every training stage, 1 or more (default: the notebook's, declared with each training stage; see 'list')",
            (o, v) => o with { Epochs = WholeNumber(v, "--epochs", min: 1) }),
        new("--limit", "N",
            "Use only the first N training examples; validation and test keep the same share of theirs " +
            "(MNIST: --limit 4200 gives 4,200 / 1,800 / 1,000). Default: all",
            (o, v) => o with { Limit = WholeNumber(v, "--limit", min: 1) }),
        new("--device", string.Join("|", Devices),
            "Torch device (default: cpu)",
            (o, v) => o with { Device = OneOf(v, "--device", Devices) }),
    ];

    /// <summary>The option names, for error messages.</summary>
    public static string Names => string.Join(", ", All.Select(o => o.Name).Append("--help"));

    /// <summary>Finds an option by its exact name.</summary>
    public static RunOptionSpec? Find(string name) => All.FirstOrDefault(o => o.Name == name);

    static string NonEmpty(string value, string option) =>
        value.Trim().Length > 0 ? value : throw new UsageException($"{option} needs a folder name (got '{value}').", "run");

    static string OneOf(string value, string option, IReadOnlyList<string> valid) =>
        valid.Contains(value)
            ? value
            : throw new UsageException($"{option} must be one of: {string.Join(", ", valid)} (got '{value}').", "run");

    static int WholeNumber(string value, string option, int min) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min
            ? n
            : throw new UsageException($"{option} must be a whole number, {min} or more (got '{value}').", "run");
}
