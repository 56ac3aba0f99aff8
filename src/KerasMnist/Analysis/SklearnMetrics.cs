using NumSharp;

namespace KerasMnist.Analysis;

/// <summary>
/// <c>sklearn.metrics</c>' <c>confusion_matrix</c> and <c>classification_report</c>.
/// With <c>using static KerasMnist.Analysis.SklearnMetrics;</c> a ported cell reads
/// <c>var cm = confusion_matrix(y_true, y_pred); Console.Write(classification_report(y_true, y_pred));</c>.
/// </summary>
public static class SklearnMetrics
{
    /// <summary>
    /// <c>sklearn.metrics.confusion_matrix(y_true, y_pred, labels=None)</c>: an int64 NDArray C of shape
    /// (n_labels, n_labels) where C[i, j] counts samples of true label i predicted as j
    /// (<b>rows = true, columns = predicted</b>). <paramref name="labels"/> defaults to the sorted union of
    /// both arrays (<see cref="SklearnMulticlass.unique_labels"/>, which a plot's tick labels must follow); given
    /// explicitly it selects and orders the classes, and samples whose true or predicted label is not listed are
    /// left out, as in sklearn.
    /// </summary>
    public static NDArray confusion_matrix(ArrayLike y_true, ArrayLike y_pred, long[]? labels = null)
    {
        var (truth, predicted) = Targets(y_true, y_pred);
        var classes = labels is null ? UniqueLabels(truth, predicted) : CheckLabels(labels, truth);
        return new NDArray(Count(truth, predicted, classes), new Shape(classes.Length, classes.Length));
    }

    /// <summary>
    /// <c>sklearn.metrics.classification_report(y_true, y_pred, labels=None, target_names=None, digits=2)</c>:
    /// the text table of per-class precision, recall, f1-score and support, then accuracy, macro avg and
    /// weighted avg, character for character as sklearn prints it (ends with a newline). Undefined ratios
    /// (a class never predicted, or never true) are reported as 0.00 with sklearn's
    /// <c>UndefinedMetricWarning</c> on stderr, once per kind (sklearn's default <c>zero_division="warn"</c>).
    /// </summary>
    public static string classification_report(ArrayLike y_true, ArrayLike y_pred, long[]? labels = null,
        IReadOnlyList<string>? target_names = null, int digits = 2)
    {
        if (digits < 0 || digits > 15)
            throw new ArgumentOutOfRangeException(nameof(digits), $"digits must be between 0 and 15, got {digits}.");
        var (truth, predicted) = Targets(y_true, y_pred);
        var present = UniqueLabels(truth, predicted);
        var classes = labels is null ? present : CheckLabels(labels, truth, requirePresent: false);
        // sklearn prints "accuracy" only when the labels reported are exactly those in the data (set equality);
        // otherwise "micro avg".
        bool microIsAccuracy = labels is null || new HashSet<long>(present).SetEquals(classes);

        IReadOnlyList<string> names;
        if (target_names is null) names = Array.ConvertAll(classes, c => c.ToString(System.Globalization.CultureInfo.InvariantCulture));
        else if (target_names.Count != classes.Length && labels is null)
            throw new ArgumentException(
                $"Number of classes, {classes.Length}, does not match size of target_names, {target_names.Count}. " +
                "Try specifying the labels parameter.", nameof(target_names));
        else
        {
            // With explicit labels sklearn only warns, and its zip() then prints the shorter of the two lists.
            if (target_names.Count != classes.Length)
                warnings.warn($"labels size, {classes.Length}, does not match size of target_names, {target_names.Count}");
            names = target_names;
        }

        var scores = ClassificationScores.Compute(truth, predicted, classes);
        return ClassificationReportText.Format(names, scores, microIsAccuracy, digits);
    }

    private static (long[] truth, long[] predicted) Targets(ArrayLike y_true, ArrayLike y_pred)
    {
        var truth = y_true.ToLabels(nameof(y_true));
        var predicted = y_pred.ToLabels(nameof(y_pred));
        if (truth.Length != predicted.Length)
            throw new ArgumentException(
                $"Found input variables with inconsistent numbers of samples: [{truth.Length}, {predicted.Length}] " +
                "(y_true and y_pred must have one label per sample).", nameof(y_pred));
        return (truth, predicted);
    }

    private static long[] UniqueLabels(long[] truth, long[] predicted) => SklearnMulticlass.unique_labels(truth, predicted);

    private static long[] CheckLabels(long[] labels, long[] truth, bool requirePresent = true)
    {
        if (labels.Length == 0) throw new ArgumentException("'labels' should contain at least one label.", nameof(labels));
        if (labels.Distinct().Count() != labels.Length)
            throw new ArgumentException($"'labels' contains duplicates: [{string.Join(", ", labels)}].", nameof(labels));
        if (requirePresent && truth.Length > 0 && !labels.Any(new HashSet<long>(truth).Contains))
            throw new ArgumentException("At least one label specified must be in y_true.", nameof(labels));
        return labels;
    }

    /// <summary>Counts in row-major order: index (i, j) = true label i, predicted label j.</summary>
    private static long[] Count(long[] truth, long[] predicted, long[] classes)
    {
        var index = new Dictionary<long, int>(classes.Length);
        for (int i = 0; i < classes.Length; i++) index[classes[i]] = i;
        var counts = new long[classes.Length * classes.Length];
        for (int s = 0; s < truth.Length; s++)
            if (index.TryGetValue(truth[s], out int row) && index.TryGetValue(predicted[s], out int col))
                counts[row * classes.Length + col]++;
        return counts;
    }
}
