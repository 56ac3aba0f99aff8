using System.CommandLine;
using KerasMnist.Datasets.Core;
using KerasMnist.Imaging;
using KerasMnist.Imaging.Reading;
using KerasMnist.Tutorial;
using static KerasMnist.Keras.KerasApi;

namespace KerasMnist.Cli;

/// <summary>
/// <c>predict MODEL IMAGE... [--json] [--save-preprocessed DIR] [--scale 255|1] [--field]</c>: reads handwritten digits
/// from image files with a model file, through the imaging library's <see cref="DigitReader"/> (MNIST-style
/// preprocessing, fields segmented into digits). Every image is read before anything is printed or written, so one bad
/// image stops the command with nothing written.
/// </summary>
public sealed class PredictCommand : Command, IHelpNotes
{
    readonly Argument<string> modelFile = SharedOptions.ModelFile();
    readonly Argument<string[]> images = new("IMAGE")
    {
        Description = "Image files of handwritten digits: PNG, JPEG, BMP or WebP, any size, photo or drawing, dark ink on " +
            "light paper or light on dark; one digit each, or a field of several (an amount, a date)",
        Arity = ArgumentArity.OneOrMore,
        CustomParser = OptionValues.ExistingFiles("an image file (PNG, JPEG, BMP or WebP)"),
    };
    readonly Option<bool> json = new("--json")
    {
        Description = "Print one JSON object per line and image: file, digit, probability, top3 (a field: number, text, digits, ...)",
    };
    readonly Option<string?> savePreprocessed = new("--save-preprocessed")
    {
        HelpName = "DIR",
        Description = "Write the 28x28 image the model saw for each digit into DIR (NAME.png; NAME_1.png, NAME_2.png, ... for a field)",
        CustomParser = OptionValues.FolderName,
    };
    readonly Option<float> scale = SharedOptions.Scale();
    readonly Option<bool> field = new("--field")
    {
        Description = "Read every image as a field of several digits (an amount or a date). Without it, an image is read as " +
            "a field when its ink falls into several digit-sized parts side by side",
    };

    /// <summary>Declares <c>predict</c>, printing to <paramref name="terminal"/>.</summary>
    public PredictCommand(Terminal terminal)
        : base("predict", "Read handwritten digits from image files with a Keras model file: each image is prepared as MNIST's " +
            "digits were (grey, white ink on black, cropped, scaled into 20x20, centred by mass in 28x28); prints the digit, " +
            "its probability and the next two candidates, or the number a field shows.")
    {
        Add(modelFile);
        Add(images);
        foreach (var option in new Option[] { json, savePreprocessed, scale, field }) Add(option);
        SetAction(result => Execute(result.GetValue(modelFile)!, result.GetValue(images)!, result.GetValue(json),
            result.GetValue(savePreprocessed), result.GetValue(scale), result.GetValue(field) ? FieldMode.Field : FieldMode.Auto, terminal));
    }

    /// <inheritdoc/>
    public string HelpNotes => ProgramCommand.ExitCodeNotes;

    static int Execute(string modelPath, string[] files, bool asJson, string? saveTo, float scale, FieldMode mode, Terminal terminal)
    {
        using var libraryOutput = LibraryOutput.Use(new TerminalOutput(terminal));
        var model = keras.models.load_model(modelPath);
        DigitReader reader;
        try
        {
            reader = new DigitReader(model, scale);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"'{modelPath}' cannot read digits: {e.Message}", e);
        }

        // Every image decoded and prepared before any is predicted, so one error names all bad images and nothing is written.
        var readings = reader.Predict(PreparedImage.FromFiles(files, mode));
        var saved = saveTo is null ? null : PreprocessedImages.Save(readings, saveTo);

        if (!asJson)
            terminal.Note($"Model {modelPath}; Eingabe " + (scale == 255f ? "x/255 wie im Notebook (--scale 1: rohe Werte 0..255)." : "rohe Werte 0..255 (--scale 1)."));
        for (int i = 0; i < readings.Count; i++)
        {
            if (asJson) terminal.WriteLine(ReadingJson.Line(readings[i], saved?[i]));
            else
                foreach (var line in ReadingText.Lines(readings[i], saved?[i], reader.LowConfidence)) terminal.WriteLine(line);
        }
        return ExitCodes.Ok;
    }
}
