using KerasMnist.Keras.Metrics;
using KerasMnist.Keras.Models;
using KerasMnist.Keras.Utils;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Metrics;

/// <summary>
/// Metric values as Keras reports them: state in float32 (Mean's total and count), results converted from float32 to
/// Python floats, printed as Python prints a list of floats. Expected values were computed with float32 arithmetic in
/// Python (struct round trips), as Keras's variables hold them.
/// </summary>
public class Float32MetricsTests
{
    [Fact]
    public void Mean_adds_weighted_values_in_float32()
    {
        var mean = new Mean("loss");
        mean.update_state(0.1, 3);
        mean.update_state(0.2, 5);
        // float32: 0.1f·3 + 0.2f·5 = 1.2999999523f, / 8 = 0.16249999403953552 (in double arithmetic: 0.1625).
        Assert.Equal(0.16249999403953552, mean.result());
    }

    [Fact]
    public void Accuracy_is_the_float32_quotient_of_correct_and_seen()
    {
        var accuracy = new SparseCategoricalAccuracy();
        using var labels = zeros(10000, ScalarType.Int64);
        using var logits = zeros(10000, 2);
        logits[TensorIndex.Slice(9741, null), 1] = tensor(1f); // the last 259 predictions are wrong
        for (int start = 0; start < 10000; start += 128)
        {
            int end = Math.Min(start + 128, 10000);
            accuracy.update_state(labels[TensorIndex.Slice(start, end)], logits[TensorIndex.Slice(start, end)]);
        }
        Assert.Equal(0.9740999937057495, accuracy.result());
    }

    [Fact]
    public void Evaluate_returns_float32_values_and_prints_them_as_a_python_list()
    {
        var model = keras.Sequential(keras.layers.Dense(2, input_shape: 1));
        model.SetWeights([zeros(1, 2), tensor(new[] { 1f, 0f })]); // every example predicted as class 0
        model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: true), ["accuracy"]);
        var scores = model.evaluate(ones(3, 1), tensor(new long[] { 0, 0, 1 }), verbose: 0);

        Assert.Equal(0.6666666865348816, scores["accuracy"]);
        Assert.Equal((double)(float)scores["loss"], scores["loss"]);
        Assert.Equal($"[{Scores.Repr(scores["loss"])}, 0.6666666865348816]", scores.ToString());
    }

    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(100.0, "100.0")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(1e-05, "1e-05")]
    [InlineData(-2.5e-07, "-2.5e-07")]
    [InlineData(123.456, "123.456")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(1e16, "1e+16")]
    [InlineData(0.08679680526256561, "0.08679680526256561")]
    public void Floats_print_as_python_repr(double value, string python) => Assert.Equal(python, Scores.Repr(value));

    [Theory]
    [InlineData(0.003, "epoch", " 3ms/epoch")]
    [InlineData(0.0, "epoch", " 0s/epoch")]
    [InlineData(2.5, "epoch", " 2s/epoch")]
    [InlineData(1.5, "epoch", " 2s/epoch")]
    [InlineData(0.0025, "step", " 2ms/step")]
    [InlineData(0.0005, "step", " 500us/step")]
    public void Progbar_times_take_keras_units_and_python_rounding(double seconds, string unit, string expected) =>
        Assert.Equal(expected, Progbar.format_time(seconds, unit));
}
