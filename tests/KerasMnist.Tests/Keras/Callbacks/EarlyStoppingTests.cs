using KerasMnist.Datasets.Data;
using KerasMnist.Keras.Callbacks;
using KerasMnist.Keras.Models;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Callbacks;

/// <summary>
/// EarlyStopping on a tiny real model whose monitored value is scripted: a LambdaCallback listed first writes
/// the value for each epoch into the epoch's logs, which EarlyStopping then reads, as it would read val_loss.
/// </summary>
public class EarlyStoppingTests
{
    sealed record Run(History History, Sequential Model, List<string> Messages, List<List<Tensor>> WeightsAtEpochEnd);

    static Run Train(double[] script, EarlyStopping? stopper = null, Func<List<string>, EarlyStopping>? make = null, int epochs = 10,
        string key = "score")
    {
        var messages = new List<string>();
        stopper ??= make!(messages);
        var random = new Random(5);
        using var x = tensor(Enumerable.Range(0, 20 * 4).Select(_ => (float)random.NextDouble()).ToArray()).reshape(20, 4);
        using var y = tensor(Enumerable.Range(0, 20).Select(i => (long)(i % 3)).ToArray());
        var data = Dataset.from_tensor_slices(x, y).batch(10);
        var model = keras.Sequential(keras.layers.Dense(3, input_shape: 4));
        model.compile(keras.optimizers.Adam(0.05f), keras.losses.SparseCategoricalCrossentropy(from_logits: true), ["accuracy"]);
        var snapshots = new List<List<Tensor>>();
        var script_and_record = new LambdaCallback(on_epoch_end: (epoch, logs) =>
        {
            logs[key] = script[epoch];
            snapshots.Add(model.GetWeights());
        });
        var history = model.fit(data, epochs: epochs, verbose: 0, callbacks: [script_and_record, stopper]);
        return new Run(history, model, messages, snapshots);
    }

    static EarlyStopping Stopper(List<string> messages, int patience = 0, double min_delta = 0, string mode = "auto",
        double? baseline = null, bool restore = false, int start_from_epoch = 0, string monitor = "score") =>
        keras.callbacks.EarlyStopping(monitor: monitor, min_delta: min_delta, patience: patience, verbose: 1, mode: mode,
            baseline: baseline, restore_best_weights: restore, start_from_epoch: start_from_epoch, print_fn: messages.Add);

    [Fact]
    public void Plateau_stops_after_patience_epochs_and_says_so()
    {
        var run = Train([1, 1, 1, 1, 1, 1, 1, 1, 1, 1], make: m => Stopper(m, patience: 3));
        // Epoch 0 sets the best; epochs 1, 2, 3 do not improve on it; the third of them stops training.
        Assert.Equal([0, 1, 2, 3], run.History.epoch);
        Assert.Equal(["Epoch 4: early stopping"], run.Messages);
    }

    [Fact]
    public void Patience_zero_stops_at_the_first_epoch_without_improvement_but_never_at_epoch_zero()
    {
        Assert.Equal([0, 1], Train([2, 2, 2, 2], make: m => Stopper(m), epochs: 4).History.epoch);
        Assert.Equal([0, 1, 2, 3], Train([4, 3, 2, 1], make: m => Stopper(m), epochs: 4).History.epoch);
    }

    [Fact]
    public void Each_improvement_restarts_the_wait()
    {
        var run = Train([5, 4, 3, 3.5, 2.9, 3, 3, 3, 3, 3], make: m => Stopper(m, patience: 2));
        Assert.Equal(7, run.History.epoch.Count); // waits after epochs 2 and 4; the second wait ends at epoch 6
        Assert.Equal(["Epoch 7: early stopping"], run.Messages);
    }

    [Fact]
    public void Min_delta_sets_how_much_counts_as_an_improvement()
    {
        double[] slow = [1.0, 0.95, 0.9, 0.85, 0.8];
        Assert.Equal(5, Train(slow, make: m => Stopper(m, patience: 1), epochs: 5).History.epoch.Count);
        Assert.Equal(2, Train(slow, make: m => Stopper(m, patience: 1, min_delta: 0.1), epochs: 5).History.epoch.Count);
        Assert.Equal(2, Train(slow, make: m => Stopper(m, patience: 1, min_delta: -0.1), epochs: 5).History.epoch.Count); // sign ignored
    }

    [Fact]
    public void Auto_mode_maximizes_accuracy_keys_and_minimizes_others()
    {
        double[] rising = [0.5, 0.6, 0.7, 0.8];
        int Epochs(string monitor, string mode = "auto")
        {
            var run = Train(rising, make: m => Stopper(m, monitor: monitor, mode: mode), epochs: 4, key: monitor);
            Assert.DoesNotContain(run.Messages, m => m.StartsWith("Warning"));
            return run.History.epoch.Count;
        }
        Assert.Equal(4, Epochs("val_accuracy"));
        Assert.Equal(4, Epochs("val_acc"));
        Assert.Equal(4, Epochs("val_auc"));
        Assert.Equal(2, Epochs("score"));
        Assert.Equal(2, Epochs("val_accuracy", mode: "min"));
        Assert.Equal(4, Epochs("score", mode: "max"));
    }

    [Fact]
    public void Baseline_not_beaten_keeps_the_wait_running()
    {
        double[] script = [0.9, 0.95, 0.95, 0.95, 0.95, 0.95];
        Assert.Equal(4, Train(script, make: m => Stopper(m, patience: 3), epochs: 6).History.epoch.Count);
        Assert.Equal(3, Train(script, make: m => Stopper(m, patience: 3, baseline: 0.5), epochs: 6).History.epoch.Count);
        Assert.Equal(4, Train(script, make: m => Stopper(m, patience: 3, baseline: 0.91), epochs: 6).History.epoch.Count);
    }

    [Fact]
    public void Warm_up_epochs_are_ignored()
    {
        var run = Train([1, 1, 1, 1, 1, 1], make: m => Stopper(m, patience: 1, start_from_epoch: 2), epochs: 6);
        Assert.Equal([0, 1, 2, 3], run.History.epoch);
    }

    [Fact]
    public void Restore_best_weights_puts_back_the_best_epoch()
    {
        var run = Train([5, 3, 4, 4, 4, 4, 4], make: m => Stopper(m, patience: 2, restore: true), epochs: 7);

        Assert.Equal([0, 1, 2, 3], run.History.epoch);
        Assert.Equal(["Epoch 4: early stopping", "Restoring model weights from the end of the best epoch: 2."], run.Messages);
        var final = run.Model.GetWeights();
        Assert.All(final.Zip(run.WeightsAtEpochEnd[1]), p => Assert.True(TestWeights.BitwiseEqual(p.First, p.Second)));
        // Training did move the weights after the best epoch, so the restore is visible.
        Assert.False(TestWeights.BitwiseEqual(final[0], run.WeightsAtEpochEnd[3][0]));
    }

    [Fact]
    public void Restore_best_weights_also_applies_when_training_runs_to_the_end()
    {
        var run = Train([3, 1, 2], make: m => Stopper(m, patience: 5, restore: true), epochs: 3);
        Assert.Equal(3, run.History.epoch.Count);
        Assert.Equal(["Restoring model weights from the end of the best epoch: 2."], run.Messages);
        Assert.True(TestWeights.BitwiseEqual(run.Model.GetWeights()[0], run.WeightsAtEpochEnd[1][0]));
    }

    [Fact]
    public void Without_restore_the_last_weights_stay()
    {
        var run = Train([5, 3, 4, 4, 4], make: m => Stopper(m, patience: 2), epochs: 5);
        Assert.True(TestWeights.BitwiseEqual(run.Model.GetWeights()[0], run.WeightsAtEpochEnd[^1][0]));
    }

    [Fact]
    public void Missing_monitor_warns_like_keras_and_never_stops()
    {
        var run = Train([1, 1, 1, 1], make: m => Stopper(m, monitor: "val_loss"), epochs: 4);
        Assert.Equal(4, run.History.epoch.Count);
        Assert.Equal(4, run.Messages.Count);
        Assert.All(run.Messages, m => Assert.Equal(
            "Warning: Early stopping conditioned on metric `val_loss` which is not available. Available metrics are: loss,accuracy,score", m));
    }

    [Fact]
    public void Unknown_mode_warns_and_falls_back_to_auto()
    {
        var messages = new List<string>();
        var stopper = keras.callbacks.EarlyStopping(monitor: "val_accuracy", mode: "maximum", print_fn: messages.Add);
        Assert.Equal("auto", stopper.mode);
        Assert.Equal(["Warning: EarlyStopping mode maximum is unknown, fallback to auto mode."], messages);
        Assert.Equal(4, Train([0.1, 0.2, 0.3, 0.4], stopper: stopper, epochs: 4, key: "val_accuracy").History.epoch.Count);
    }

    [Fact]
    public void Factory_passes_every_argument()
    {
        var s = keras.callbacks.EarlyStopping(monitor: "loss", min_delta: 0.01, patience: 4, verbose: 1, mode: "min",
            baseline: 0.2, restore_best_weights: true, start_from_epoch: 3);
        Assert.Equal(("loss", -0.01, 4, 1, "min", (double?)0.2, true, 3),
            (s.monitor, s.min_delta, s.patience, s.verbose, s.mode, s.baseline, s.restore_best_weights, s.start_from_epoch));
        Assert.Throws<ArgumentException>(() => keras.callbacks.EarlyStopping(patience: -1));
    }
}

/// <summary>Bit-level comparison of weight copies.</summary>
internal static class TestWeights
{
    public static bool BitwiseEqual(Tensor a, Tensor b) => KerasMnist.Tests.Keras.Models.TestModels.BitwiseEqual(a, b);
}
