using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Numerics;

/// <summary>
/// SparseCategoricalCrossentropy as Keras 3's torch backend computes it: from logits via log-softmax; from
/// probabilities by renormalising to sum 1, clipping to [1e-7, 1 − 1e-7] and taking the log; batch mean.
/// </summary>
public class SparseCrossentropyTests
{
    static double Loss(bool from_logits, float[] predictions, int classes, long[] labels)
    {
        var loss = keras.losses.SparseCategoricalCrossentropy(from_logits: from_logits);
        using var y_pred = tensor(predictions).reshape(labels.Length, classes);
        using var y_true = tensor(labels);
        using var value = loss.Call(y_true, y_pred);
        Assert.Equal(0, value.dim());
        return value.item<float>();
    }

    [Fact]
    public void From_logits_is_the_batch_mean_of_logsumexp_minus_the_true_logit()
    {
        // Row 0: logits (1, 2, 3), label 2: log(e + e² + e³) − 3 = 0.40760596.
        // Row 1: logits (1, 1, 1), label 0: log 3 = 1.09861229.   Mean = 0.75310912.
        double loss = Loss(true, [1, 2, 3, 1, 1, 1], 3, [2, 0]);
        double row0 = Math.Log(Math.E + Math.Exp(2) + Math.Exp(3)) - 3;
        Assert.Equal(0.75310912, (row0 + Math.Log(3)) / 2, 1e-8); // the hand value and the formula agree
        Assert.Equal(0.75310912, loss, 1e-5);
    }

    [Fact]
    public void From_logits_is_stable_for_large_logits()
    {
        // A naive softmax overflows at e^1000. Label 1 of (1000, 999, −5): logsumexp − 999 = 1 + log(1 + e^−1 + e^−1005) = 1.3132617.
        double loss = Loss(true, [1000, 999, -5], 3, [1]);
        Assert.Equal(1 + Math.Log(1 + Math.Exp(-1) + Math.Exp(-1005)), loss, 1e-4);
    }

    [Fact]
    public void From_probabilities_renormalises_rows_to_sum_one()
    {
        // Row (0.4, 0.4, 1.2) sums to 2: renormalised (0.2, 0.2, 0.6); label 2 → −log 0.6 = 0.51082562.
        // Row (0.1, 0.3, 0.6) already sums to 1; label 1 → −log 0.3 = 1.2039728.   Mean = 0.85739921.
        double loss = Loss(false, [0.4f, 0.4f, 1.2f, 0.1f, 0.3f, 0.6f], 3, [2, 1]);
        Assert.Equal(0.85739921, loss, 1e-5);
    }

    [Fact]
    public void From_probabilities_clips_zero_and_one_to_epsilon()
    {
        // p = 0 for the label is clipped to 1e-7: −log 1e-7 = 16.118096 instead of infinity.
        Assert.Equal(-Math.Log(1e-7), Loss(false, [1, 0, 0], 3, [1]), 1e-3);
        // p = 1 is clipped to 1 − 1e-7 (0.99999988 in float32), so the loss is a tiny positive number, not 0.
        double certain = Loss(false, [0, 1, 0], 3, [1]);
        Assert.InRange(certain, 0.5e-7, 2e-7);
    }

    [Fact]
    public void Labels_may_come_as_a_column_and_as_int32()
    {
        var loss = keras.losses.SparseCategoricalCrossentropy(from_logits: true);
        using var y_pred = tensor(new float[] { 1, 2, 3, 1, 1, 1 }).reshape(2, 3);
        using var column = tensor(new int[] { 2, 0 }).reshape(2, 1);
        using var value = loss.Call(column, y_pred);
        Assert.Equal(0.75310912, value.item<float>(), 1e-5);
    }
}
