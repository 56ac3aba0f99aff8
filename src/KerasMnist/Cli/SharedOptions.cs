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

    /// <summary><c>MODEL</c>: a Keras model file to read (<c>.keras</c> of Keras 3 or this program, <c>.h5</c> of tf.keras 2); must exist.</summary>
    public static Argument<string> ModelFile() => new("MODEL")
    {
        Description = "A Keras model file: .keras (Keras 3, or saved by 'run' into its output folder as mlp.keras, cnn.keras, " +
            "resnet50.keras) or .h5 (tf.keras 2)",
        CustomParser = OptionValues.ExistingFile("a .keras or .h5 model file, e.g. output/cnn.keras (written by 'run improve')"),
    };

    /// <summary>
    /// <c>--scale 255|1</c>: what the pixels 0..255 are divided by before a loaded model sees them; 255 unless given,
    /// as the notebook's <c>normalize_img</c>. A Keras file does not record how its inputs were scaled.
    /// </summary>
    public static Option<float> Scale() => new("--scale")
    {
        HelpName = string.Join("|", Scales),
        Description = "Divide the pixels 0..255 by this before the model sees them: 255 as the notebook's normalize_img, " +
            "1 for a model trained on raw values 0..255 (a Keras file does not record its input scaling)",
        DefaultValueFactory = _ => 255f,
        CustomParser = result => float.Parse(OptionValues.OneOf(Scales)(result), System.Globalization.CultureInfo.InvariantCulture),
    };

    static readonly string[] Scales = ["255", "1"];

    static readonly string[] Devices = ["cpu", "cuda"];
}
