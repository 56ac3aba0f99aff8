using KerasMnist.Analysis;
using NumSharp;
using static KerasMnist.Analysis.SklearnMetrics;

namespace KerasMnist.Tests.Analysis;

// Every expected report is typed out by hand: the numbers from the definitions (precision = tp/predicted,
// recall = tp/true, F1 = 2·tp/(true + predicted), macro = plain mean, weighted = mean weighted by support),
// the layout from sklearn's format strings; the first and last come verbatim from sklearn's documentation.
public sealed class ClassificationReportTests
{
    private const string Warning = "UndefinedMetricWarning: ";

    [Fact]
    public void SklearnDocumentationExampleWithTargetNames()
    {
        // sklearn.metrics.classification_report docstring.
        int[] yTrue = [0, 1, 2, 2, 2];
        int[] yPred = [0, 0, 2, 2, 1];
        const string expected =
            "              precision    recall  f1-score   support\n" +
            "\n" +
            "     class 0       0.50      1.00      0.67         1\n" +
            "     class 1       0.00      0.00      0.00         1\n" +
            "     class 2       1.00      0.67      0.80         3\n" +
            "\n" +
            "    accuracy                           0.60         5\n" +
            "   macro avg       0.50      0.56      0.49         5\n" +
            "weighted avg       0.70      0.60      0.61         5\n";
        using var caught = warnings.catch_warnings();
        Assert.Equal(expected, classification_report(yTrue, yPred, target_names: ["class 0", "class 1", "class 2"]));
        Assert.Empty(caught.records); // class 1 was predicted once (wrongly): precision 0/1 is defined
    }

    [Fact]
    public void NeverPredictedClassGetsPrecisionZeroAndOneWarning()
    {
        // class 0: tp 2, pred 2, true 2 → 1, 1, 1
        // class 1: tp 2, pred 4, true 2 → 0.5, 1, 4/6 = 0.67
        // class 2: tp 0, pred 0, true 2 → precision undefined → 0 (warned), recall 0, F1 0/2 = 0
        // accuracy 4/6 = 0.67; macro (= weighted, equal supports): P 1.5/3 = 0.50, R 2/3 = 0.67, F 1.667/3 = 0.56
        long[] yTrue = [0, 0, 1, 1, 2, 2];
        long[] yPred = [0, 0, 1, 1, 1, 1];
        const string expected =
            "              precision    recall  f1-score   support\n" +
            "\n" +
            "           0       1.00      1.00      1.00         2\n" +
            "           1       0.50      1.00      0.67         2\n" +
            "           2       0.00      0.00      0.00         2\n" +
            "\n" +
            "    accuracy                           0.67         6\n" +
            "   macro avg       0.50      0.67      0.56         6\n" +
            "weighted avg       0.50      0.67      0.56         6\n";
        using var caught = warnings.catch_warnings();
        Assert.Equal(expected, classification_report(yTrue, yPred));
        Assert.Equal([Warning + "Precision is ill-defined and being set to 0.0 in labels with no predicted samples. " +
                      "Use `zero_division` parameter to control this behavior."], caught.records);
    }

    [Fact]
    public void ClassOnlyInPredictionsGetsARowWithSupportZeroAndARecallWarning()
    {
        // labels = union {0, 1, 2}; class 2 has no true samples.
        // class 0: tp 1, pred 1, true 2 → 1.00, 0.50, 2/3 = 0.67
        // class 1: tp 2, pred 2, true 2 → 1.00, 1.00, 1.00
        // class 2: tp 0, pred 1, true 0 → 0/1 = 0, recall undefined → 0 (warned), F1 0/1 = 0
        // accuracy 3/4 = 0.75; macro P 2/3 = 0.67, R 1.5/3 = 0.50, F 1.667/3 = 0.56
        // weighted by (2, 2, 0): P 4/4 = 1.00, R 3/4 = 0.75, F (1.333 + 2)/4 = 0.83
        var yTrue = np.array(new long[] { 0, 0, 1, 1 });
        var yPred = np.array(new long[] { 0, 2, 1, 1 });
        const string expected =
            "              precision    recall  f1-score   support\n" +
            "\n" +
            "           0       1.00      0.50      0.67         2\n" +
            "           1       1.00      1.00      1.00         2\n" +
            "           2       0.00      0.00      0.00         0\n" +
            "\n" +
            "    accuracy                           0.75         4\n" +
            "   macro avg       0.67      0.50      0.56         4\n" +
            "weighted avg       1.00      0.75      0.83         4\n";
        using var caught = warnings.catch_warnings();
        Assert.Equal(expected, classification_report(yTrue, yPred));
        Assert.Equal([Warning + "Recall is ill-defined and being set to 0.0 in labels with no true samples. " +
                      "Use `zero_division` parameter to control this behavior."], caught.records);
    }

    [Fact]
    public void TwoClasses()
    {
        // pairs (t, p): 00 11 10 00 11 11 01 11
        // class 0: tp 2, pred 3, true 3 → 0.67 0.67 0.67;  class 1: tp 4, pred 5, true 5 → 0.80 0.80 0.80
        // accuracy 6/8 = 0.75; macro 1.4667/2 = 0.73; weighted (2 + 4)/8 = 0.75
        int[] yTrue = [0, 1, 1, 0, 1, 1, 0, 1];
        int[] yPred = [0, 1, 0, 0, 1, 1, 1, 1];
        const string expected =
            "              precision    recall  f1-score   support\n" +
            "\n" +
            "           0       0.67      0.67      0.67         3\n" +
            "           1       0.80      0.80      0.80         5\n" +
            "\n" +
            "    accuracy                           0.75         8\n" +
            "   macro avg       0.73      0.73      0.73         8\n" +
            "weighted avg       0.75      0.75      0.75         8\n";
        Assert.Equal(expected, classification_report(yTrue, yPred));
    }

    [Fact]
    public void TenClassesCharacterByCharacter()
    {
        // Two samples per digit; errors: a 1 read as 7, a 3 as 5, a 6 as 0, a 9 as 4.
        // predicted counts 0:3 1:1 2:2 3:1 4:3 5:3 6:1 7:3 8:2 9:1 (sum 20), correct 16 → accuracy 0.80
        // precision 2/3 for 0, 4, 5, 7 and 1 otherwise → macro (8/3 + 6)/10 = 0.8667 → 0.87
        // recall 0.5 for 1, 3, 6, 9 and 1 otherwise → macro 8/10 = 0.80
        // F1 0.8 (= 4/5) for 0, 4, 5, 7; 2/3 for 1, 3, 6, 9; 1 for 2, 8 → (3.2 + 2.667 + 2)/10 = 0.79
        long[] yTrue = [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9];
        long[] yPred = [0, 0, 1, 7, 2, 2, 3, 5, 4, 4, 5, 5, 6, 0, 7, 7, 8, 8, 9, 4];
        const string expected =
            "              precision    recall  f1-score   support\n" +
            "\n" +
            "           0       0.67      1.00      0.80         2\n" +
            "           1       1.00      0.50      0.67         2\n" +
            "           2       1.00      1.00      1.00         2\n" +
            "           3       1.00      0.50      0.67         2\n" +
            "           4       0.67      1.00      0.80         2\n" +
            "           5       0.67      1.00      0.80         2\n" +
            "           6       1.00      0.50      0.67         2\n" +
            "           7       0.67      1.00      0.80         2\n" +
            "           8       1.00      1.00      1.00         2\n" +
            "           9       1.00      0.50      0.67         2\n" +
            "\n" +
            "    accuracy                           0.80        20\n" +
            "   macro avg       0.87      0.80      0.79        20\n" +
            "weighted avg       0.87      0.80      0.79        20\n";
        using var probabilities = OneHot(yPred);
        using var predicted = np.argmax(probabilities, axis: 1);
        using var truth = np.array(yTrue);
        var report = classification_report(truth, predicted);
        for (int i = 0; i < Math.Min(expected.Length, report.Length); i++)
            Assert.True(expected[i] == report[i], $"first difference at character {i}: expected '{expected[i]}', got '{report[i]}'\n{report}");
        Assert.Equal(expected, report);
    }

    [Fact]
    public void DigitsAndLongNamesWidenTheColumns()
    {
        // Same data as NeverPredictedClass..., three digits; the name column grows to the longest name (13).
        long[] yTrue = [0, 0, 1, 1, 2, 2];
        long[] yPred = [0, 0, 1, 1, 1, 1];
        const string expected =
            "               precision    recall  f1-score   support\n" +
            "\n" +
            "          cat      1.000     1.000     1.000         2\n" +
            "          dog      0.500     1.000     0.667         2\n" +
            "a long name x      0.000     0.000     0.000         2\n" +
            "\n" +
            "     accuracy                          0.667         6\n" +
            "    macro avg      0.500     0.667     0.556         6\n" +
            " weighted avg      0.500     0.667     0.556         6\n";
        using var _ = warnings.catch_warnings();
        Assert.Equal(expected, classification_report(yTrue, yPred, target_names: ["cat", "dog", "a long name x"], digits: 3));
    }

    [Fact]
    public void SubsetOfLabelsPrintsMicroAverageAsInSklearnDocs()
    {
        // sklearn docstring: labels=[1, 2, 3] leave out the predicted 0, so "micro avg" replaces "accuracy".
        int[] yTrue = [1, 1, 1];
        int[] yPred = [1, 1, 0];
        const string expected =
            "              precision    recall  f1-score   support\n" +
            "\n" +
            "           1       1.00      0.67      0.80         3\n" +
            "           2       0.00      0.00      0.00         0\n" +
            "           3       0.00      0.00      0.00         0\n" +
            "\n" +
            "   micro avg       1.00      0.67      0.80         3\n" +
            "   macro avg       0.33      0.22      0.27         3\n" +
            "weighted avg       1.00      0.67      0.80         3\n";
        using var caught = warnings.catch_warnings();
        Assert.Equal(expected, classification_report(yTrue, yPred, labels: [1, 2, 3]));
        Assert.Equal(3, caught.records.Count); // precision, recall and F-score of labels 2 and 3, each once
        Assert.Contains(caught.records, r => r.Contains("F-score is ill-defined and being set to 0.0 in labels with no true nor predicted samples."));
    }

    [Fact]
    public void LabelsThatAreASupersetOfThePresentOnesPrintMicroAverage()
    {
        // sklearn compares set(labels) with the labels present for equality, so an extra label 3 (no samples)
        // turns "accuracy" into "micro avg". class 0: 1, 1, 1; classes 1 and 2: tp 1 of 2 predicted, 2 true → 0.50;
        // class 3: nothing → 0 with three warnings. micro 4/6 = 0.67; macro (1 + .5 + .5 + 0)/4 = 0.50;
        // weighted by (2, 2, 2, 0): 4/6 = 0.67.
        long[] yTrue = [0, 1, 2, 0, 1, 2];
        long[] yPred = [0, 1, 1, 0, 2, 2];
        const string expected =
            "              precision    recall  f1-score   support\n" +
            "\n" +
            "           0       1.00      1.00      1.00         2\n" +
            "           1       0.50      0.50      0.50         2\n" +
            "           2       0.50      0.50      0.50         2\n" +
            "           3       0.00      0.00      0.00         0\n" +
            "\n" +
            "   micro avg       0.67      0.67      0.67         6\n" +
            "   macro avg       0.50      0.50      0.50         6\n" +
            "weighted avg       0.67      0.67      0.67         6\n";
        using var caught = warnings.catch_warnings();
        Assert.Equal(expected, classification_report(yTrue, yPred, labels: [0, 1, 2, 3]));
        Assert.Equal(3, caught.records.Count);
    }

    [Fact]
    public void NoCorrectPredictionPrintsSupportsAsFloatsAsSklearnDoes()
    {
        // sklearn's multilabel_confusion_matrix takes its "pathological case" when no sample is predicted right:
        // tp_sum becomes np.zeros (float), so the supports derived from it print as 2.0 and their sum as 6.0.
        long[] yTrue = [0, 1, 2, 0, 1, 2];
        long[] yPred = [1, 2, 0, 1, 2, 0];
        const string expected =
            "              precision    recall  f1-score   support\n" +
            "\n" +
            "           0       0.00      0.00      0.00       2.0\n" +
            "           1       0.00      0.00      0.00       2.0\n" +
            "           2       0.00      0.00      0.00       2.0\n" +
            "\n" +
            "    accuracy                           0.00       6.0\n" +
            "   macro avg       0.00      0.00      0.00       6.0\n" +
            "weighted avg       0.00      0.00      0.00       6.0\n";
        using var caught = warnings.catch_warnings();
        Assert.Equal(expected, classification_report(yTrue, yPred));
        Assert.Empty(caught.records); // every class was predicted and is true somewhere: all ratios are defined
        // One right prediction is enough for integer supports again.
        Assert.Contains("         2\n", classification_report(yTrue, new long[] { 0, 2, 0, 1, 2, 0 }));
    }

    [Fact]
    public void BadInputsAreRejectedWithAReason()
    {
        Assert.Contains("inconsistent numbers of samples: [3, 2]",
            Assert.Throws<ArgumentException>(() => classification_report(new[] { 0, 1, 1 }, new[] { 0, 1 })).Message);
        Assert.Contains("does not match size of target_names",
            Assert.Throws<ArgumentException>(() => classification_report(new[] { 0, 1 }, new[] { 0, 1 }, target_names: ["a"])).Message);
        using var probabilities = np.array(new[] { 0.5f, 1f });
        Assert.Contains("np.argmax",
            Assert.Throws<ArgumentException>(() => classification_report(probabilities, new[] { 0, 1 })).Message);
        Assert.Contains("shape (2, 3)",
            Assert.Throws<ArgumentException>(() => classification_report(np.zeros(new Shape(2, 3), NPTypeCode.Int64), new[] { 0, 1 })).Message);
    }

    [Fact]
    public void WarningsGoToStandardErrorWhenNotCaught()
    {
        var previous = Console.Error;
        var captured = new StringWriter();
        // Console.Error is process-wide; other tests only warn inside catch_warnings, so nothing else lands here.
        Console.SetError(captured);
        try
        {
            classification_report(new long[] { 0, 1 }, new long[] { 0, 0 });
        }
        finally
        {
            Console.SetError(previous);
        }
        Assert.Equal(Warning + "Precision is ill-defined and being set to 0.0 in labels with no predicted samples. " +
                     "Use `zero_division` parameter to control this behavior." + Environment.NewLine, captured.ToString());
    }

    private static NDArray OneHot(long[] labels)
    {
        var probabilities = new float[labels.Length, 10];
        for (int i = 0; i < labels.Length; i++) probabilities[i, labels[i]] = 0.9f;
        return np.array(probabilities);
    }
}
