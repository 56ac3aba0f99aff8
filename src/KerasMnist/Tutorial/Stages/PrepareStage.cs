using KerasMnist.Datasets;
using static TorchSharp.torch;

namespace KerasMnist.Tutorial.Stages;

/// <summary>
/// Notebook subsection "Datenvorbereitung": <c>normalize_img</c>, then map / cache / shuffle / batch(128) /
/// prefetch for training and map / cache / batch / prefetch for validation and test, as in the cell.
/// </summary>
[Stage("prepare", "Datenvorbereitung",
    "normalize_img to [0, 1], then map, cache, shuffle, batch(128), prefetch",
    Needs = [typeof(CollectStage)])]
public sealed class PrepareStage : Stage
{
    /// <inheritdoc/>
    protected override void Run()
    {
        Markdown("""
            Die Pixel liegen im Bereich [0, 255]. Wir rechnen sie in den Bereich [0, 1] um, damit die
            Gewichte des Netzes nicht so groß sein müssen: `dataset.map(normalize_img)`.
            Dazu halten wir die umgerechneten Bilder im Arbeitsspeicher (`cache`), mischen das
            Trainingsset (`shuffle`), bilden Batches mit 128 Bildern (`batch`) und lassen schon die
            nächsten Batches vorbereiten, während gerechnet wird (`prefetch`).
            """);

        In(9);
        // Normalisiert die Bilder von [0, 255] zu [0, 1] und konvertiert die Datentypen uint8 -> float32.
        static (Tensor, Tensor) normalize_img(Tensor image, Tensor label) => (tf.cast(image, tf.float32) / 255f, label);

        ds_train = ds_train.map(
            normalize_img, num_parallel_calls: tf.data.experimental.AUTOTUNE);
        ds_train = ds_train.cache();
        ds_train = ds_train.shuffle((int)(ds_info.splits["train"].num_examples * 0.7));
        ds_train = ds_train.batch(128);
        ds_train = ds_train.prefetch(tf.data.experimental.AUTOTUNE);

        ds_valid = ds_valid.map(
            normalize_img, num_parallel_calls: tf.data.experimental.AUTOTUNE);
        ds_valid = ds_valid.cache();
        ds_valid = ds_valid.batch(128);
        ds_valid = ds_valid.prefetch(tf.data.experimental.AUTOTUNE);

        ds_test = ds_test.map(
            normalize_img, num_parallel_calls: tf.data.experimental.AUTOTUNE);
        ds_test = ds_test.cache();
        ds_test = ds_test.batch(128);
        ds_test = ds_test.prefetch(tf.data.experimental.AUTOTUNE);
        End(9);

        // The cell prints nothing; the batch counts are what fit and evaluate will show as their step counts.
        Table(["dataset", "cardinality()", "Bedeutung"], [
            ["ds_train", German.Number(ds_train.cardinality()), "Batches = Schritte pro Epoche"],
            ["ds_valid", German.Number(ds_valid.cardinality()), "Batches pro Validierung"],
            ["ds_test", German.Number(ds_test.cardinality()), "Batches pro Test"],
        ]);
    }
}
