using KerasMnist.Datasets;
using KerasMnist.Imaging;
using KerasMnist.Imaging.Composition;
using KerasMnist.Imaging.Reading;
using static KerasMnist.Keras.KerasApi;

namespace KerasMnist.Tutorial.Stages;

/// <summary>
/// Beyond the notebook, its motivation: reading the amount on a bank cheque. Amount fields are composed from MNIST test
/// digits no model trained on (<see cref="AmountFieldComposer"/>), saved as PNG files, and read back by the CNN that
/// <c>improve</c> saved (<c>cnn.keras</c>) through <see cref="DigitReader"/>: one field shown digit by digit, then
/// <see cref="Fields"/> fields for the share of digits and of whole amounts read right.
/// </summary>
[Stage("cheque", "Ziffern auf einem Scheck lesen",
    "beyond the notebook: cheque amounts composed from test digits, read by improve's CNN; digit and field accuracy",
    Needs = [typeof(ImproveStage)])]
public sealed class ChequeStage : Stage
{
    /// <summary>How many composed fields the accuracy is measured on.</summary>
    public const int Fields = 100;

    /// <summary>The folder in --output that holds the fields and their answers.</summary>
    public const string FieldsFolder = "cheque_fields";

    /// <summary>The answers file in <see cref="FieldsFolder"/>: <c>datei;echt;gelesen</c>, one line per field.</summary>
    public const string AnswersFile = "felder.csv";

    /// <inheritdoc/>
    protected override void Run()
    {
        Markdown("""
            Das Notebook begann mit Schecks: Banken lesen den Betrag, den jemand von Hand einträgt. Solche
            Betragsfelder setzen wir jetzt aus Ziffern des Testsets zusammen, die kein Model im Training gesehen
            hat: ein zufälliger Betrag, zufällige Abstände, Tintenfarbe und Papierton, eine Linie darunter, leicht
            gedreht. Das CNN aus `improve` liest sie zurück: das Feld wird in Ziffern zerlegt, jede wie die
            MNIST-Bilder vorbereitet (zugeschnitten, auf 20x20 skaliert, im 28x28-Bild zentriert) und vorhergesagt.
            """);
        if (Options.Dataset != "mnist")
        {
            Markdown($"Mit --dataset {Options.Dataset} gibt es keine Ziffern für einen Scheck; diese Stufe braucht MNIST.");
            return;
        }

        // Test digits only: the models never saw them while training. The seed (--seed) picks the same fields each run.
        using var builder = tfds.builder(Options.Dataset, data_dir: Options.DataDir);
        var (images, labels) = builder.as_tensors("test");
        var composer = AmountFieldComposer.FromTensors(images, labels, new Random(Options.Seed));
        images.Dispose();
        labels.Dispose();

        // After `applications` the kernel's `model` is the ResNet50; improve's CNN is the file it saved.
        var reader = new DigitReader(keras.models.load_model(OutputPath("cnn.keras")));

        Subheading("Ein Scheck");
        var field = composer.Compose();
        var path = OutputPath("cheque_amount.png");
        ImageFile.Save(field.Image, path);
        Saved(path);
        var reading = reader.Read(path, FieldMode.Field);
        print($"Betrag: echt {field.Amount}, gelesen {reading.Format()} ({(reading.Format() == field.Amount ? "richtig" : "falsch")})");
        bool aligned = reading.Digits.Count == field.Digits.Length;
        Table(["Ziffer", "echt", "gelesen", "Wahrscheinlichkeit"], reading.Digits.Select((d, k) => (IReadOnlyList<string>)
            [$"{k + 1}", aligned ? field.Digits[k].ToString() : "?", $"{d.Digit}", German.Decimal(d.Probability, 4)]));
        if (!aligned)
            print($"Das Feld wurde in {reading.Digits.Count} statt {field.Digits.Length} Ziffern zerlegt.");

        Subheading($"{Fields} Schecks");
        var folder = OutputPath(FieldsFolder);
        Directory.CreateDirectory(folder);
        var fields = Enumerable.Range(1, Fields).Select(_ => composer.Compose()).ToList();
        var paths = fields.Select((f, i) => Path.Combine(folder, $"feld_{i + 1:000}.png")).ToList();
        foreach (var (f, file) in fields.Zip(paths)) ImageFile.Save(f.Image, file);
        var readings = reader.Read(paths, FieldMode.Field);
        WriteAnswers(Path.Combine(folder, AnswersFile), paths, fields, readings);
        Saved($"{folder}{Path.DirectorySeparatorChar} ({Fields} PNG-Dateien, die Antworten in {AnswersFile})");

        int digitsTotal = fields.Sum(f => f.Digits.Length);
        int digitsRight = fields.Zip(readings).Sum(p => DigitsRight(p.First, p.Second));
        int amountsRight = fields.Zip(readings).Count(p => p.Second.Format() == p.First.Amount);
        double digitAccuracy = (double)digitsRight / digitsTotal;
        print($"Ziffern richtig gelesen: {German.Number(digitsRight)} von {German.Number(digitsTotal)} ({German.Percent(digitAccuracy)})");
        print($"Beträge ganz richtig gelesen: {German.Number(amountsRight)} von {German.Number(Fields)} ({German.Percent((double)amountsRight / Fields)})");
        foreach (var (f, r, file) in fields.Zip(readings, paths).Where(t => t.Second.Format() != t.First.Amount).Take(5))
            print($"  {Path.GetFileName(file)}: echt {f.Amount}, gelesen {r.Format()}");

        double meanDigits = (double)digitsTotal / Fields;
        Markdown($"""
            Eine Ziffer zählt als richtig, wenn das Feld in die richtige Zahl von Ziffern zerlegt wurde und sie an
            ihrer Stelle stimmt; ein Betrag, wenn alle Ziffern und das Komma stimmen. Ein Betrag hat hier im Mittel
            {German.Decimal(meanDigits, 1)} Ziffern. Würde jede unabhängig mit {German.Percent(digitAccuracy)} richtig gelesen, wären {German.Percent(Math.Pow(digitAccuracy, meanDigits))} der Beträge ganz richtig:
            Die Fehler der einzelnen Ziffern summieren sich über den Betrag. Deshalb prüfen Banken den Betrag
            zusätzlich gegen die Zahl in Worten, und unsichere Felder sieht ein Mensch an.
            """);
    }

    /// <summary>Digits read right at their place; a field split into the wrong number of digits counts as all wrong.</summary>
    static int DigitsRight(AmountField field, Reading reading) =>
        reading.Number.Length == field.Digits.Length ? reading.Number.Zip(field.Digits).Count(p => p.First == p.Second) : 0;

    static void WriteAnswers(string path, IReadOnlyList<string> files, IReadOnlyList<AmountField> fields, IReadOnlyList<Reading> readings)
    {
        var lines = files.Select((file, i) => $"{Path.GetFileName(file)};{fields[i].Amount};{readings[i].Format()}").Prepend("datei;echt;gelesen");
        var temporary = path + ".tmp";
        File.WriteAllLines(temporary, lines);
        File.Move(temporary, path, overwrite: true);
    }
}
