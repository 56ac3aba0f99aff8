using KerasMnist.Datasets.Data;
using KerasMnist.Keras.Backend;
using KerasMnist.Keras.Callbacks;
using KerasMnist.Keras.Metrics;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Models;

public abstract partial class Model
{
    /// <summary>True while fit runs (its validation pass prints no progress bar, as in Keras).</summary>
    internal bool InFit { get; private set; }

    /// <summary>
    /// <c>model.fit(x, epochs, validation_data, verbose, callbacks)</c> on a batched tf.data Dataset. Reports
    /// Keras's running means (loss includes the regularization penalties), validates after each epoch
    /// in inference mode with <c>val_</c> keys, and returns the History.
    /// </summary>
    public History fit(Dataset x, int epochs = 1, int verbose = 1, List<Callback>? callbacks = null,
        Dataset? validation_data = null, int initial_epoch = 0, int validation_freq = 1)
    {
        RequireCompiled("fit");
        if (epochs < 1) throw new ArgumentException($"epochs must be at least 1, got {epochs}.");
        if (validation_freq < 1) throw new ArgumentException($"validation_freq must be at least 1, got {validation_freq}.");
        var history = new History();
        var all = new CallbackList(Defaults(callbacks, verbose).Append(history));
        all.Attach(this, new() { ["epochs"] = epochs, ["steps"] = x.cardinality(), ["verbose"] = verbose });
        var lossTracker = new Mean("loss");
        stop_training = false;
        trainableCache = null; // trainable flags may have changed since the last fit
        InFit = true;
        try
        {
            all.Each(c => c.on_train_begin(new Logs()));
            for (int epoch = initial_epoch; epoch < epochs && !stop_training; epoch++)
            {
                lossTracker.reset_state();
                foreach (var m in compiled_metrics) m.reset_state();
                all.Each(c => c.on_epoch_begin(epoch, new Logs()));
                int step = 0;
                foreach (var (xb, yb) in x)
                {
                    all.Each(c => c.on_train_batch_begin(step, new Logs()));
                    TrainStep(xb, yb, lossTracker);
                    var logs = CurrentLogs(lossTracker);
                    all.Each(c => c.on_train_batch_end(step, logs));
                    step++;
                    if (stop_training) break;
                }
                if (step == 0)
                    throw new InvalidOperationException("The training dataset yielded no batches: check its splits, take/skip and --limit.");
                var epochLogs = CurrentLogs(lossTracker);
                if (validation_data is not null && (epoch + 1 - initial_epoch) % validation_freq == 0)
                    foreach (var (key, value) in evaluate(validation_data, verbose: 0, return_dict: true).AsDictionary())
                        epochLogs["val_" + key] = value;
                all.Each(c => c.on_epoch_end(epoch, epochLogs));
            }
            all.Each(c => c.on_train_end(new Logs()));
        }
        finally
        {
            InFit = false;
        }
        return history;
    }

    IEnumerable<Callback> Defaults(List<Callback>? callbacks, int verbose) =>
        (verbose != 0 ? [new ProgbarLogger()] : Array.Empty<Callback>()).Concat(callbacks ?? []);

    Logs CurrentLogs(Mean lossTracker)
    {
        var logs = new Logs { ["loss"] = lossTracker.result() };
        foreach (var m in compiled_metrics) logs[m.name] = m.result();
        return logs;
    }

    List<Variable>? trainableCache;

    void TrainStep(Tensor xb, Tensor yb, Mean lossTracker)
    {
        using var scope = NewDisposeScope();
        var x = PrepareInput(xb);
        var y = yb.device == Engine.Device ? yb : yb.to(Engine.Device);
        var variables = trainableCache ??= trainable_weights.ToList();
        var y_pred = ForwardInternal(x, training: true);
        var total = loss!.Call(y, y_pred);
        var penalty = RegularizationLoss();
        if (penalty is not null) total = total + penalty;
        var grads = autograd.grad([total], variables.Select(v => v.Value).ToList()).ToList();
        optimizer!.apply_gradients(grads, variables);
        lossTracker.update_state(total.item<float>(), y.shape[0]);
        foreach (var m in compiled_metrics) m.update_state(y, y_pred);
        xb.Dispose();
        yb.Dispose();
    }
}
