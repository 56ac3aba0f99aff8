namespace KerasMnist.Analysis;

/// <summary>
/// Per-class precision, recall, F1 and support plus the micro, macro and weighted averages, computed as
/// sklearn's <c>precision_recall_fscore_support</c> does (F1 = 2·tp / (true + predicted), sums in numpy's
/// pairwise order so the last printed digit rounds the same way). An undefined ratio becomes 0.0 and
/// raises sklearn's <c>UndefinedMetricWarning</c>, each distinct message once per report.
/// </summary>
public sealed class ClassificationScores
{
    private ClassificationScores(double[] precision, double[] recall, double[] f1, long[] support,
        (double, double, double) micro, (double, double, double) macro, (double, double, double) weighted,
        bool supportIsFloat)
    {
        this.supportIsFloat = supportIsFloat;
        this.precision = precision;
        this.recall = recall;
        this.f1 = f1;
        this.support = support;
        this.micro = micro;
        this.macro = macro;
        this.weighted = weighted;
    }

    /// <summary>Precision per class, in label order.</summary>
    public double[] precision { get; }

    /// <summary>Recall per class.</summary>
    public double[] recall { get; }

    /// <summary>F1-score per class.</summary>
    public double[] f1 { get; }

    /// <summary>Number of true samples per class.</summary>
    public long[] support { get; }

    /// <summary>
    /// Whether sklearn holds the supports as floats (and so prints <c>2.0</c>): its
    /// <c>multilabel_confusion_matrix</c> starts from float zeros when no sample at all is predicted right.
    /// </summary>
    public bool supportIsFloat { get; }

    /// <summary>Micro average (equals accuracy when every present label is reported).</summary>
    public (double precision, double recall, double f1) micro { get; }

    /// <summary>Unweighted mean over classes.</summary>
    public (double precision, double recall, double f1) macro { get; }

    /// <summary>Mean over classes weighted by support.</summary>
    public (double precision, double recall, double f1) weighted { get; }

    /// <summary>Scores of <paramref name="classes"/>; every sample counts, also those with unlisted labels (as in sklearn).</summary>
    public static ClassificationScores Compute(long[] truth, long[] predicted, long[] classes)
    {
        var index = new Dictionary<long, int>(classes.Length);
        for (int i = 0; i < classes.Length; i++) index[classes[i]] = i;
        var tp = new long[classes.Length];
        var predSum = new long[classes.Length];
        var trueSum = new long[classes.Length];
        for (int s = 0; s < truth.Length; s++)
        {
            bool isTrue = index.TryGetValue(truth[s], out int t);
            if (isTrue) trueSum[t]++;
            if (index.TryGetValue(predicted[s], out int p))
            {
                predSum[p]++;
                if (isTrue && t == p) tp[t]++;
            }
        }

        var warned = new HashSet<string>();
        var precision = Divide(tp, predSum, 1, "Precision", "predicted", warned);
        var recall = Divide(tp, trueSum, 1, "Recall", "true", warned);
        var f1 = Divide(tp, Add(trueSum, predSum), 2, "F-score", "true nor predicted", warned);

        long tpAll = tp.Sum(), predAll = predSum.Sum(), trueAll = trueSum.Sum();
        var micro = (
            Divide([tpAll], [predAll], 1, "Precision", "predicted", warned)[0],
            Divide([tpAll], [trueAll], 1, "Recall", "true", warned)[0],
            Divide([tpAll], [trueAll + predAll], 2, "F-score", "true nor predicted", warned)[0]);
        var macro = (Mean(precision), Mean(recall), Mean(f1));
        var weighted = (Average(precision, trueSum), Average(recall, trueSum), Average(f1, trueSum));
        bool noneRight = !truth.Where((label, s) => label == predicted[s]).Any();
        return new ClassificationScores(precision, recall, f1, trueSum, micro, macro, weighted, noneRight);
    }

    // sklearn's _prf_divide: x/0 is set to 0.0 and warned about (zero_division="warn").
    private static double[] Divide(long[] numerator, long[] denominator, double factor, string metric, string modifier, HashSet<string> warned)
    {
        var result = new double[numerator.Length];
        bool undefined = false;
        for (int i = 0; i < result.Length; i++)
        {
            if (denominator[i] == 0) undefined = true;
            else result[i] = factor * numerator[i] / denominator[i];
        }
        if (undefined)
        {
            var where = result.Length == 1 ? "due to" : "in labels with";
            var message = $"{metric} is ill-defined and being set to 0.0 {where} no {modifier} samples. " +
                          "Use `zero_division` parameter to control this behavior.";
            if (warned.Add(message)) warnings.warn(message, "UndefinedMetricWarning");
        }
        return result;
    }

    private static long[] Add(long[] a, long[] b) => a.Select((v, i) => v + b[i]).ToArray();

    private static double Mean(double[] values) => NumpySum.Pairwise(values) / values.Length;

    // np.average(a, weights=w); sklearn's _nanaverage falls back to the plain mean when all weights are 0.
    private static double Average(double[] values, long[] weights)
    {
        double scale = NumpySum.Pairwise(weights.Select(w => (double)w).ToArray());
        if (scale == 0) return Mean(values);
        return NumpySum.Pairwise(values.Select((v, i) => v * weights[i]).ToArray()) / scale;
    }
}
