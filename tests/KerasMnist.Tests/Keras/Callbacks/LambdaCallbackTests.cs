using KerasMnist.Datasets.Data;
using KerasMnist.Keras.Callbacks;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Callbacks;

/// <summary>LambdaCallback calls each delegate from the matching fit/evaluate/predict hook with Keras's arguments.</summary>
public class LambdaCallbackTests
{
    static Dataset Data()
    {
        using var x = arange(30, ScalarType.Float32).reshape(15, 2).div(30);
        using var y = arange(15, ScalarType.Int64).remainder(2);
        return Dataset.from_tensor_slices(x, y).batch(4); // 4 batches, the last of 3
    }

    [Fact]
    public void Hooks_fire_in_keras_order_with_epoch_and_batch_indices()
    {
        var events = new List<string>();
        var callback = keras.callbacks.LambdaCallback(
            on_train_begin: logs => events.Add("train_begin"),
            on_epoch_begin: (epoch, logs) => events.Add($"epoch_begin {epoch}"),
            on_batch_begin: (batch, logs) => events.Add($"batch_begin {batch}"),
            on_batch_end: (batch, logs) => events.Add($"batch_end {batch} loss={logs.ContainsKey("loss")}"),
            on_epoch_end: (epoch, logs) => events.Add($"epoch_end {epoch} {string.Join(",", logs.Keys)}"),
            on_train_end: logs => events.Add("train_end"));
        var model = keras.Sequential(keras.layers.Dense(2, input_shape: 2));
        model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: true), ["accuracy"]);

        model.fit(Data(), epochs: 2, verbose: 0, callbacks: [callback], validation_data: Data());

        var epoch = new List<string>();
        for (int b = 0; b < 4; b++) epoch.AddRange([$"batch_begin {b}", $"batch_end {b} loss=True"]);
        string[] expected =
        [
            "train_begin",
            "epoch_begin 0", .. epoch, "epoch_end 0 loss,accuracy,val_loss,val_accuracy",
            "epoch_begin 1", .. epoch, "epoch_end 1 loss,accuracy,val_loss,val_accuracy",
            "train_end",
        ];
        Assert.Equal(expected, events);
    }

    [Fact]
    public void Test_and_predict_hooks_fire_from_evaluate_and_predict()
    {
        var events = new List<string>();
        var callback = new LambdaCallback(
            on_test_begin: _ => events.Add("test_begin"),
            on_test_batch_end: (b, logs) => events.Add($"test_batch {b}"),
            on_test_end: logs => events.Add($"test_end {logs["loss"] > 0}"),
            on_predict_begin: _ => events.Add("predict_begin"),
            on_predict_batch_end: (b, _) => events.Add($"predict_batch {b}"),
            on_predict_end: _ => events.Add("predict_end"));
        var model = keras.Sequential(keras.layers.Dense(2, input_shape: 2));
        model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: true));

        model.evaluate(Data(), verbose: 0, callbacks: [callback]);

        Assert.Equal(["test_begin", "test_batch 0", "test_batch 1", "test_batch 2", "test_batch 3", "test_end True"], events);
    }

    [Fact]
    public void A_hook_and_its_alias_together_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new LambdaCallback(on_batch_end: (_, _) => { }, on_train_batch_end: (_, _) => { }));
        Assert.Contains("pass only one", error.Message);
    }
}
