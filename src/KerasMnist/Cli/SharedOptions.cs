using System.CommandLine;
using KerasMnist.Datasets;

namespace KerasMnist.Cli;

/// <summary>
/// The options several commands take, each declared once here with its help, rule and default: a command adds
/// <c>SharedOptions.DataDir()</c> and reads it back from the parse result. The defaults live here and
/// nowhere else; <c>--help</c> shows them.
/// </summary>
public static class SharedOptions
{
    /// <summary><c>--data-dir DIR</c>: where tfds reads the dataset's files; must exist. Null when not given (tfds decides).</summary>
    public static Option<string?> DataDir() => new("--data-dir")
    {
        HelpName = "DIR",
        Description = "Folder holding the dataset's files, e.g. train-images-idx3-ubyte.gz (default: $KERASMNIST_DATA_DIR, " +
            "else the user cache ~/.cache/kerasmnist, else a download into it)",
        CustomParser = OptionValues.ExistingFolder,
    };

    /// <summary><c>--dataset NAME</c>: a tfds name from <c>tfds.list_builders()</c>; <c>mnist</c> unless given.</summary>
    public static Option<string> Dataset() => new("--dataset")
    {
        HelpName = "NAME",
        Description = $"{string.Join(" or ", tfds.list_builders())}",
        DefaultValueFactory = _ => "mnist",
        CustomParser = OptionValues.OneOf(tfds.list_builders()),
    };

    /// <summary><c>--seed N</c>: one seed for torch and tf.data, so a run repeats exactly; 42 unless given (Keras has no default).</summary>
    public static Option<int> Seed() => new("--seed")
    {
        HelpName = "N",
        Description = "Random seed for torch and tf.data, 0 or more (runs with the same seed repeat exactly)",
        DefaultValueFactory = _ => 42,
        CustomParser = OptionValues.WholeNumber(min: 0),
    };

    /// <summary><c>--output DIR</c>: where plots and reports go; <c>output</c> (in the working folder) unless given.</summary>
    public static Option<string> Output() => new("--output")
    {
        HelpName = "DIR",
        Description = "Folder for plots and reports, created if missing",
        DefaultValueFactory = _ => "output",
        CustomParser = OptionValues.FolderName,
    };

    /// <summary><c>--device cpu|cuda</c>: the torch device; <c>cpu</c> unless given.</summary>
    public static Option<string> Device() => new("--device")
    {
        HelpName = string.Join("|", Devices),
        Description = "Torch device (cuda needs a CUDA build of libtorch, which this project does not ship)",
        DefaultValueFactory = _ => Devices[0],
        CustomParser = OptionValues.OneOf(Devices),
    };

    static readonly string[] Devices = ["cpu", "cuda"];
}
