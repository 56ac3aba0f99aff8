using KerasMnist.Datasets.Data;
using KerasMnist.Keras.Backend;
using KerasMnist.Keras.Callbacks;
using KerasMnist.Keras.Losses;
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
        // Prepared once per fit (trainable flags may change between fits), not once per step.
        var step = new TrainingStep(this);
        InFit = true;
        try
        {
            all.Each(c => c.on_train_begin(new Logs()));
            for (int epoch = initial_epoch; epoch < epochs && !stop_training; epoch++)
            {
                lossTracker.reset_state();
                foreach (var m in compiled_metrics) m.reset_state();
                all.Each(c => c.on_epoch_begin(epoch, new Logs()));
                int batch = 0;
                foreach (var (xb, yb) in x)
                {
                    all.Each(c => c.on_train_batch_begin(batch, new Logs()));
                    step.Run(xb, yb, lossTracker);
                    var logs = CurrentLogs(lossTracker);
                    all.Each(c => c.on_train_batch_end(batch, logs));
                    batch++;
                    if (stop_training) break;
                }
                if (batch == 0)
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

    /// <summary>
    /// One training step, with what does not change between steps prepared once per fit (at the first batch,
    /// which builds a model declared without an input shape): the trainable variables, their tensors and the
    /// regularization terms. Forward in training mode, gradients of the loss (L2 gradients added directly, see
    /// <see cref="RegularizationPenalty"/>), the optimizer's update, then the running loss (with the penalty, from
    /// the pre-update weights, as Keras reports it) and metrics from the same forward pass.
    /// </summary>
    sealed class TrainingStep(Model model)
    {
        List<Variable>? variables;
        List<Tensor>? values;
        RegularizationPenalty? penalty;

        public void Run(Tensor xb, Tensor yb, Mean lossTracker)
        {
            using var scope = NewDisposeScope();
            var x = model.PrepareInput(xb);
            if (variables is null) Prepare();
            var y = yb.device == Engine.Device ? yb : yb.to(Engine.Device);
            var y_pred = model.ForwardInternal(x, training: true);
            var objective = penalty!.Differentiable(model.loss!.Call(y, y_pred));
            var reported = penalty.Reported(objective);
            if (variables!.Count > 0)
            {
                var grads = autograd.grad([objective], values!);
                penalty.AddL2Gradients(grads, variables);
                model.optimizer!.apply_gradients(grads as IReadOnlyList<Tensor> ?? grads.ToList(), variables);
            }
            lossTracker.update_state(reported.item<float>(), y.shape[0]);
            foreach (var m in model.compiled_metrics) m.update_state(y, y_pred);
            xb.Dispose();
            yb.Dispose();
        }

        void Prepare()
        {
            variables = model.trainable_weights.ToList();
            // Keras 3 warns and still reports loss and metrics.
            if (variables.Count == 0)
                Console.Error.WriteLine($"UserWarning: The model \"{model.name}\" does not have any trainable weights.");
            values = variables.Select(v => v.Value).ToList();
            penalty = new RegularizationPenalty(variables);
        }
    }
}
