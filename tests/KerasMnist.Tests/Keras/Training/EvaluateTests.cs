using KerasMnist.Tests.Keras.Numerics;
using static KerasMnist.Keras.KerasApi;

namespace KerasMnist.Tests.Keras.Training;

/// <summary>evaluate and fit's validation report the compiled metrics by their names, over the evaluated data only.</summary>
public class EvaluateTests
{
    [Fact]
    public void Custom_named_metrics_are_reported_by_evaluate_and_as_val_keys_and_reset_per_call()
    {
        var train = new SmallData(count: 8, features: 4, classes: 3, seed: 31);
        var valid = new SmallData(count: 7, features: 4, classes: 3, seed: 32);
        var model = keras.Sequential(keras.layers.Dense(3, input_shape: 4));
        model.compile(keras.optimizers.Adam(0.01f), keras.losses.SparseCategoricalCrossentropy(from_logits: true),
            [keras.metrics.SparseCategoricalAccuracy(name: "digits_right")]);
        SmallData.FixKernels(model, seed: 106);

        var history = model.fit(train.Batched(4), epochs: 2, verbose: 0, validation_data: valid.Batched(3));
        Assert.Equal(new[] { "loss", "digits_right", "val_loss", "val_digits_right" }, history.history.Keys);

        var w = model.weights.Select(v => Reference.Values(v.Value)).ToArray();
        var logits = Reference.Affine(valid.Rows(0, 7), w[0], w[1]);
        // Keras keeps metric state in float32 and reports that value as a Python float.
        double accuracy = (float)Reference.Correct(logits, valid.Labels(0, 7)) / 7f;
        Assert.Equal(accuracy, history.history["val_digits_right"][1], 1e-9);
        // Twice in a row: the metric restarts each time instead of averaging over both calls with the training epoch.
        for (int call = 0; call < 2; call++)
        {
            var scores = model.evaluate(valid.Batched(3), verbose: 0);
            Assert.Equal(new[] { "loss", "digits_right" }, scores.names);
            Assert.Equal(accuracy, scores["digits_right"], 1e-9);
            Assert.Equal(Reference.CrossEntropyFromLogits(logits, valid.Labels(0, 7)), scores["loss"], 1e-5);
        }
    }
}
