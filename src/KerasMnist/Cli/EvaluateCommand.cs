using System.CommandLine;
using KerasMnist.Datasets;
using KerasMnist.Datasets.Core;
using KerasMnist.Keras;
using KerasMnist.Keras.Losses;
using KerasMnist.Keras.Metrics;
using KerasMnist.Keras.Models;
using KerasMnist.Tutorial;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Cli;

/// <summary>
/// <c>evaluate MODEL [--dataset NAME] [--data-dir DIR] [--split SPLIT] [--scale 255|1] [--limit N]</c>: loads a model
/// file (<c>keras.models.load_model</c>: ours, Keras 3's .keras, tf.keras 2's .h5), prints its summary and the
/// notebook's <c>print(model.evaluate(ds_test))</c> on a split, with the file's own compile config. Writes nothing.
/// </summary>
public sealed class EvaluateCommand : Command, IHelpNotes
{
    readonly Argument<string> modelFile = SharedOptions.ModelFile();
    readonly Option<string> dataset = SharedOptions.Dataset();
    readonly Option<string?> dataDir = SharedOptions.DataDir();
    readonly Option<string> split = new("--split")
    {
        HelpName = "SPLIT",
        Description = "The tfds split to evaluate on: test, train, train[70%:] (the notebook's validation split), ...",
        DefaultValueFactory = _ => "test",
    };
    readonly Option<float> scale = SharedOptions.Scale();
    readonly Option<int?> limit = new("--limit")
    {
        HelpName = "N",
        Description = "Use only the first N images of the split (default: all)",
        CustomParser = OptionValues.OptionalWholeNumber(min: 1),
    };

    /// <summary>Declares <c>evaluate</c>, printing to <paramref name="terminal"/>.</summary>
    public EvaluateCommand(Terminal terminal)
        : base("evaluate", "Load a Keras model file (.keras or .h5, e.g. one saved by 'run' or trained in Python on Colab), " +
            "print its summary and the notebook's [loss, accuracy] on a dataset split. Writes nothing.")
    {
        Add(modelFile);
        foreach (var option in new Option[] { dataset, dataDir, split, scale, limit }) Add(option);
        // The split's grammar is tfds's; a typo is a command-line mistake, found before the model is read.
        Validators.Add(result =>
        {
            var name = result.GetValue(dataset) ?? "mnist";
            var spec = result.GetValue(split) ?? "test";
            if (!tfds.list_builders().Contains(name)) return;
            using var builder = tfds.builder(name, download: false);
            try { SplitSpec.Resolve(spec, [.. builder.info.splits.Values]); }
            catch (DatasetException e) { result.AddError($"--split '{spec}': {e.Message}"); }
        });
        SetAction(result => Execute(new(result.GetValue(modelFile)!, result.GetValue(dataset)!, result.GetValue(dataDir),
            result.GetValue(split)!, result.GetValue(scale), result.GetValue(limit)), terminal));
    }

    /// <inheritdoc/>
    public string HelpNotes => ProgramCommand.ExitCodeNotes;

    sealed record Settings(string Model, string Dataset, string? DataDir, string Split, float Scale, int? Limit);

    static int Execute(Settings s, Terminal terminal)
    {
        using var libraryOutput = LibraryOutput.Use(new TerminalOutput(terminal));
        var model = keras.models.load_model(s.Model);
        terminal.WriteLine($"Model aus {s.Model}:");
        model.summary(print_fn: terminal.WriteLine);
        terminal.WriteLine();

        using var builder = tfds.builder(s.Dataset, data_dir: s.DataDir);
        int classes = builder.info.features.label.names.Count;
        var input = InputShape(model, s, classes);
        var (split, splitLabels) = builder.as_tensors(s.Split);
        using var _ = split;
        using var __ = splitLabels;
        using var scope = NewDisposeScope();
        long total = split.shape[0], n = s.Limit is { } limit ? Math.Min(limit, total) : total;
        var images = split.narrow(0, 0, n);
        var labels = splitLabels.narrow(0, 0, n);
        var x = (images.to_type(ScalarType.Float32) / s.Scale).reshape(input.WithBatch(n));

        terminal.WriteLine($"Daten: {s.Dataset}, split {s.Split}, " +
            (n < total ? $"die ersten {German.Number(n)} von {German.Number(total)} Bildern (--limit)." : $"{German.Number(n)} Bilder."));
        terminal.WriteLine(s.Scale == 255f
            ? "Eingabe: x/255, wie normalize_img im Notebook. (Eine Keras-Datei speichert nicht, wie ihre Eingaben skaliert " +
              "wurden; hat das Model rohe Werte gelernt, gibt --scale 1 ihm die Pixel 0..255.)"
            : $"Eingabe: die rohen Pixelwerte 0..255 (--scale {s.Scale:0}); das Notebook teilt durch 255 (--scale 255).");
        terminal.WriteLine($"Form pro Bild: {input}{(input.Rank == 2 ? ", ohne Kanalachse, wie das Model sie erwartet" : "")}.");

        double accuracy;
        if (model.loss is null)
        {
            terminal.WriteLine("Hinweis: Die Datei hat keine compile-Konfiguration (kein Loss, keine Metriken), also gibt es " +
                "kein [loss, accuracy] wie im Notebook, nur die Genauigkeit: das wahrscheinlichste Label gegen das echte.");
            accuracy = ArgmaxAccuracy(model, x, labels);
        }
        else
        {
            bool oneHot = model.loss is CategoricalCrossentropy;
            if (oneHot)
                terminal.WriteLine($"Labels: one-hot (keras.utils.to_categorical(y, {classes})), weil die Datei mit " +
                    "categorical_crossentropy kompiliert ist; das Notebook nimmt sparse_categorical_crossentropy mit den Klassennummern selbst.");
            var y = oneHot ? keras.utils.to_categorical(labels, classes) : labels;
            var scores = model.evaluate(x, y, batch_size: 128, verbose: 1);
            terminal.WriteLine(scores.ToString());
            int metric = model.compiled_metrics.ToList().FindIndex(m => m is SparseCategoricalAccuracy or CategoricalAccuracy);
            if (metric >= 0) accuracy = scores[metric + 1];
            else
            {
                terminal.WriteLine("Hinweis: Die Datei ist ohne Genauigkeit als Metrik kompiliert; die Genauigkeit unten " +
                    "vergleicht das wahrscheinlichste Label mit dem echten.");
                accuracy = ArgmaxAccuracy(model, x, labels);
            }
        }
        terminal.WriteLine($"Genauigkeit: {German.Decimal(accuracy, 4)} ({German.Number((long)Math.Round(accuracy * n))} von " +
            $"{German.Number(n)} Bildern richtig)");
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The shape one image is fed in: the model's own input shape when it holds the image's 28x28 values, e.g.
    /// (28, 28, 1), or (28, 28) for models without a channel axis, as many published MLPs have.
    /// </summary>
    static Shape InputShape(Model model, Settings s, int classes)
    {
        var shape = model.input_shape ?? model.layers.FirstOrDefault()?.BuiltInputShape
            ?? throw new InvalidDataException($"'{s.Model}': the model has no input shape, so it cannot be evaluated.");
        if (shape.Size != 28 * 28)
            throw new InvalidDataException($"'{s.Model}': the model expects input of shape {shape.ToBatchString()}, but " +
                $"{s.Dataset}'s images are 28x28 grey: (None, 28, 28, 1) or (None, 28, 28). Evaluate a model trained on 28x28 images.");
        var output = model.output_shape ?? model.compute_output_shape(shape);
        if (output.Dims is not [var scores] || scores != classes)
            throw new InvalidDataException($"'{s.Model}': the model's output has shape {output.ToBatchString()}, but {s.Dataset} " +
                $"has {classes} classes: evaluating it needs one score per class, (None, {classes}).");
        return shape;
    }

    static double ArgmaxAccuracy(Model model, Tensor x, Tensor labels)
    {
        var predicted = model.predict(x, batch_size: 128).argmax(1);
        return predicted.eq(labels).to_type(ScalarType.Float64).mean().item<double>();
    }
}
