using NumSharp;
using static KerasMnist.Analysis.SklearnMetrics;
using static KerasMnist.Analysis.SklearnMulticlass;

namespace KerasMnist.Tests.Analysis;

public sealed class ConfusionMatrixTests
{
    private static long[,] Values(NDArray cm)
    {
        Assert.Equal(NPTypeCode.Int64, cm.typecode);
        var result = new long[cm.shape[0], cm.shape[1]];
        for (int i = 0; i < result.GetLength(0); i++)
            for (int j = 0; j < result.GetLength(1); j++) result[i, j] = cm.GetInt64(i, j);
        return result;
    }

    [Fact]
    public void RowsAreTrueLabelsColumnsArePredictions()
    {
        // sklearn docstring example.
        int[] yTrue = [2, 0, 2, 2, 0, 1];
        int[] yPred = [0, 0, 2, 2, 0, 2];
        Assert.Equal(new long[,] { { 2, 0, 0 }, { 0, 0, 1 }, { 1, 0, 2 } }, Values(confusion_matrix(yTrue, yPred)));
    }

    [Fact]
    public void LabelsAreTheSortedUnionOfBothArrays()
    {
        // 7 is only predicted, 5 only true: both get a row and a column, in sorted order 1, 5, 7.
        var yTrue = np.array(new long[] { 5, 1, 1 });
        var yPred = np.array(new long[] { 1, 1, 7 });
        Assert.Equal(new long[,] { { 1, 0, 1 }, { 1, 0, 0 }, { 0, 0, 0 } }, Values(confusion_matrix(yTrue, yPred)));
        // unique_labels names those rows and columns, for a plot's ticks.
        Assert.Equal([1L, 5L, 7L], unique_labels(yTrue, yPred));
        Assert.Throws<ArgumentException>(() => unique_labels(Array.Empty<long>(), Array.Empty<long>()));
    }

    [Fact]
    public void ExplicitLabelsReorderAndDropOtherSamples()
    {
        int[] yTrue = [2, 0, 2, 2, 0, 1];
        int[] yPred = [0, 0, 2, 2, 0, 2];
        // Order 2, 0; the sample with true label 1 is left out.
        Assert.Equal(new long[,] { { 2, 1 }, { 0, 2 } }, Values(confusion_matrix(yTrue, yPred, labels: [2, 0])));
        Assert.Contains("must be in y_true",
            Assert.Throws<ArgumentException>(() => confusion_matrix(yTrue, yPred, labels: [9])).Message);
    }

    [Fact]
    public void AcceptsNDArraysOfAnyIntegerDtypeAndArgmaxOutput()
    {
        using var yTrue = np.array(new byte[] { 0, 1, 1 });
        using var probabilities = np.array(new float[,] { { 0.9f, 0.1f }, { 0.2f, 0.8f }, { 0.6f, 0.4f } });
        using var yPred = np.argmax(probabilities, axis: 1);
        using var cm = confusion_matrix(yTrue, yPred);
        Assert.Equal(new long[] { 2, 2 }, cm.shape);
        Assert.Equal(new long[,] { { 1, 0 }, { 1, 1 } }, Values(cm));
        Assert.Equal(3, Values(confusion_matrix(new List<int> { 0, 1, 1 }, new long[] { 0, 1, 0 })).Cast<long>().Sum());
    }

    [Fact]
    public void FloatLabelsAreRejected()
    {
        using var floats = np.array(new double[] { 0, 1 });
        var error = Assert.Throws<ArgumentException>(() => confusion_matrix(floats, new[] { 0, 1 }));
        Assert.Contains("integer class labels", error.Message);
    }
}
