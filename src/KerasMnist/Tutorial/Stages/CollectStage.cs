using KerasMnist.Datasets;

namespace KerasMnist.Tutorial.Stages;

/// <summary>
/// Notebook section "Datensammlung" with "MNIST": where data comes from, then <c>tfds.load</c> of the three
/// splits <c>train[:70%]</c>, <c>train[70%:]</c> and <c>test</c> into <c>ds_train</c>, <c>ds_valid</c>,
/// <c>ds_test</c> and <c>ds_info</c>.
/// </summary>
[Stage("collect", "Datensammlung",
    "tfds.load: ds_train (train[:70%]), ds_valid (train[70%:]), ds_test (test), ds_info",
    Subtitle = "MNIST")]
public sealed class CollectStage : Stage
{
    /// <inheritdoc/>
    protected override void Run()
    {
        Markdown("""
            Woher bekommen wir die Daten? Manchmal kommen sie mit dem Projekt, manchmal müssen wir
            selbst sammeln oder suchen, zum Beispiel hier:
            - https://www.tensorflow.org/datasets
            - https://datasetsearch.research.google.com
            - https://www.kaggle.com/datasets
            - https://grand-challenge.org/challenges/
            """);
        Subheading("MNIST");
        Markdown("""
            Wir haben Glück: der MNIST-Datensatz (http://yann.lecun.com/exdb/mnist/) hat 60.000
            Trainings- und 10.000 Testbilder von Ziffern 0-9 und deren Klassenangehörigkeit.
            70 % der Trainingsbilder trainieren das Model, die übrigen 30 % validieren es.
            """);
        if (Options.Dataset != "mnist")
            Markdown($"Mit --dataset {Options.Dataset} laden wir einen Datensatz im gleichen Format, mit {ClassNouns.For(Options.Dataset).DativePlural} statt Ziffern.");

        In(2);
        // Wir koennen die Daten mit Tensorflow Datasets laden:
        ((ds_train, ds_valid, ds_test), ds_info) = tfds.load(
            Options.Dataset,
            split: ["train[:70%]", "train[70%:]", "test"],
            shuffle_files: true,
            as_supervised: true,
            with_info: true,
            data_dir: Options.DataDir);   // --data-dir; the notebook lets tfds pick its folder
        End(2);

        var full = (train: ds_train.cardinality(), valid: ds_valid.cardinality(), test: ds_test.cardinality());
        if (Options.Limit is { } limit)
        {
            // Not in the notebook: --limit keeps classroom and CI runs short. The first N training examples,
            // and the same share of validation and test (at least one each), so the 70/30 proportions stay.
            var share = Math.Min(1.0, (double)limit / full.train);
            ds_train = ds_train.take(Math.Min(limit, full.train));
            ds_valid = ds_valid.take(Math.Max(1, (long)Math.Round(full.valid * share)));
            ds_test = ds_test.take(Math.Max(1, (long)Math.Round(full.test * share)));
            // take(n) past the end just stops, so a too-large limit would pass unnoticed.
            if (limit > full.train)
                print($"Hinweis: --limit {German.Number(limit)} ist größer als ds_train ({German.Count(full.train, "Bild", "Bilder")}): " +
                    $"wir nehmen alle {German.Number(full.train)} Trainingsbilder und auch Validierung und Test ganz.");
        }

        Table(["", "split", "Bilder"], [
            ["ds_train", "train[:70%]", Count(ds_train.cardinality(), full.train)],
            ["ds_valid", "train[70%:]", Count(ds_valid.cardinality(), full.valid)],
            ["ds_test", "test", Count(ds_test.cardinality(), full.test)],
        ]);
        print();
        Table([], [
            ["ds_info.full_name", ds_info.full_name],
            ["features", $"image {ds_info.features.image}, label {ds_info.features.label}"],
            ["Klassen", string.Join(", ", ds_info.features.label.names)],
            ["splits", string.Join(", ", ds_info.splits.Values.Select(s => $"{s.name} {German.Number(s.num_examples)}"))],
            ["gelesen aus", ds_info.data_dir],
        ]);
    }

    static string Count(long used, long all) => used == all ? German.Number(used) : $"{German.Of(used, all)} (--limit)";
}
