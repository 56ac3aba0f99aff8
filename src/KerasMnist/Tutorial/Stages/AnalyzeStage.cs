using KerasMnist.Datasets;
using KerasMnist.Interop;
using KerasMnist.Plotting;
using NumSharp;
using static KerasMnist.Analysis.SklearnMetrics;
using static KerasMnist.Analysis.SklearnMulticlass;

namespace KerasMnist.Tutorial.Stages;

/// <summary>
/// Notebook section "Analyse der Ergebnisse": evaluate on train/valid/test, predictions on ds_valid, the
/// confusion matrix heatmap, sklearn's classification report, and the five validation images whose true class got
/// the lowest probability, with a count of how many of them this run misclassified, sure or unsure.
/// </summary>
[Stage("analyze", "Analyse der Ergebnisse",
    "evaluate, confusion matrix, classification report, the 5 images with the lowest probability for their true class",
    Needs = [typeof(TrainStage)])]
public sealed class AnalyzeStage : Stage
{
    /// <inheritdoc/>
    protected override void Run()
    {
        Markdown("Jetzt probieren wir das Model auf Daten aus: `model.evaluate` gibt [loss, accuracy] für Training, Validierung und Test.");

        In(13);
        print(model.evaluate(ds_train));
        print(model.evaluate(ds_valid));
        print(model.evaluate(ds_test));
        End(13);

        var classes = ClassNouns.For(ds_info.name);
        Markdown($"Welche {classes.Plural} bekommen wir besonders gut hin und welche weniger?");

        In(14);
        // Batching and prefetching hide the order of ds_valid, so we keep the inputs while predicting.
        // Python rebinds each list to an array after np.concatenate; a C# variable keeps its type, hence _list.
        // NDArrays hold native memory: `using` frees it when the cell ends (NumSharp's analyzer insists).
        var y_prob_list = new List<NDArray>();  // Hier speichern wir die Modelvorhersagen
        var y_true_list = new List<NDArray>();  // Hier speichern wir die echten Labels
        var x_input_list = new List<NDArray>(); // Hier speichern wir die Bilder

        // Wir sagen die Ergebnisse unseres Modells auf den Validierungsdaten her.
        foreach (var (image_batch, label_batch) in ds_valid)
        {
            // Speichere die Eingaben
            x_input_list.Add(image_batch.numpy());
            y_true_list.Add(label_batch.numpy());
            // Berechne die Vorhersagen
            using var preds = model.predict(image_batch);
            // Hier nutzen wir den Softmax um die Wahrscheinlichkeiten zu berechnen und speichern diese in y_prob.
            using var probs = tf.nn.softmax(preds);
            y_prob_list.Add(probs.numpy());
        }

        // Zum Schluss wandeln wir unseren Speicher noch in Matrizen um:
#pragma warning disable NDW012 // the arrays in the lists are disposed on the line after
        using var x_input = np.concatenate(x_input_list.ToArray());
        using var y_true = np.concatenate(y_true_list.ToArray());
        using var y_prob = np.concatenate(y_prob_list.ToArray());
#pragma warning restore NDW012
        foreach (var part in x_input_list.Concat(y_true_list).Concat(y_prob_list)) part.Dispose();

        using var y_pred = np.argmax(y_prob, axis: 1);

        // sklearn bietet eine einfach Funktion fuer Konfusionsmatrizen:
        using var cm = confusion_matrix(y_true, y_pred);

        // die wir nur noch darstellen muessen.
        // cm has a row and a column for each class in y_true or y_pred (sklearn's unique_labels), which with a
        // small --limit are not all classes: the ticks name exactly those.
        var names = unique_labels(y_true, y_pred).Select(ds_info.features.label.int2str).ToList();
        Show(sns.heatmap(cm, annot: true, cmap: "YlGnBu", xticklabels: names, yticklabels: names),
            "analyze_confusion_matrix.png");

        // Und dann koennen wir uns einen Bericht ueber die Ergebnisse der einzelnen Klassen ansehen.
        print(classification_report(y_true, y_pred));
        End(14);

        long validationImages = y_prob.shape[0];
        Markdown($"Um das noch genauer anzuschauen, versuchen wir zu verstehen, weshalb manche {classes.Plural} falsch kategorisiert werden. " +
            LowestTrueClassSummary.Before((int)Math.Min(5, validationImages), validationImages));

        In(15);
        using var rows = np.arange(y_prob.shape[0]);
        using var y_prob_class = y_prob[rows, y_true];

        using var low_prob_samples = np.argsort<float>(y_prob_class);

        int rank = 0;
        foreach (var idx in low_prob_samples.ToArray<long>().Take(5))
        {
            using var pred_prob = y_prob[idx];
            var pred_label = (long)np.argmax(pred_prob);
            long truth = Convert.ToInt64(y_true.GetValue((int)idx));
            // The notebook prints class numbers, which for MNIST are the names; the names keep fashion_mnist readable.
            print($"[{idx}] Vorhersage:\n{pred_prob}\n-> {ds_info.features.label.int2str(pred_label)} -- Echt: {ds_info.features.label.int2str(truth)}");
            using var image = x_input[idx].reshape(28, 28);
            Show(plt.imshow(image, title: TrueAndPredicted(truth, pred_label, pred_prob)),
                $"analyze_lowest_true_class_{++rank}.png");
        }
        End(15);

        // Counted from this run, since a short run's lowest ones are often unsure guesses rather than sure mistakes.
        print(LowestTrueClassSummary.After(low_prob_samples.ToArray<long>().Take(5).Select(idx =>
        {
            using var probabilities = y_prob[idx];
            long predicted = (long)np.argmax(probabilities);
            return new LowestTrueClassSummary.Shown(predicted != Convert.ToInt64(y_true.GetValue((int)idx)),
                probabilities.GetSingle((int)predicted));
        }).ToList()));

        Markdown($"""
            Über jedem Bild steht die echte Klasse mit ihrer Wahrscheinlichkeit und die vorhergesagte mit ihrer.
            Liegt die vorhergesagte nahe 1, war sich das Model bei seinem Fehler sicher. Solche Fehler sind meist
            {classes.Plural}, die auch für Menschen schwer zu erkennen sind; manchmal ist auch das Label im Datensatz falsch.
            """);
    }

    // Not in the notebook, which shows the bare image: the figure's title names the true and the predicted class, each
    // with the probability the model gave it, e.g. "echt: 7 (p=0,0003) · vorhergesagt: 1 (p=0,9981)".
    string TrueAndPredicted(long truth, long predicted, NDArray probabilities)
    {
        string Class(long id) => $"{ds_info.features.label.int2str(id)} (p={German.Decimal(probabilities.GetSingle((int)id), 4)})";
        return truth == predicted
            ? $"echt und vorhergesagt: {Class(truth)}"
            : $"echt: {Class(truth)} · vorhergesagt: {Class(predicted)}";
    }
}
