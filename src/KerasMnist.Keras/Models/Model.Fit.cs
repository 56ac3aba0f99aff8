using KerasMnist.Keras.Callbacks;
using KerasMnist.Keras.Trainers.DataAdapters;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Models;

public abstract partial class Model
{
    /// <summary>True while fit runs (its validation pass prints no progress bar, as in Keras).</summary>
    internal bool InFit { get; private set; }

    /// <summary>
    /// <c>model.fit(x, y, batch_size, epochs, verbose, callbacks, validation_data, shuffle, initial_epoch,
    /// validation_freq)</c>: <see cref="train_step"/> over every batch of <paramref name="x"/>, epoch after epoch.
    /// Reports Keras's running means (loss includes the regularization penalties), validates after each epoch in
    /// inference mode with <c>val_</c> keys, and returns the History.
    /// </summary>
    /// <param name="x">A batched tf.data Dataset of (x, y), or a tensor of inputs (examples along axis 0) with <paramref name="y"/>.</param>
    /// <param name="y">The targets when <paramref name="x"/> is a tensor; must be null for a Dataset.</param>
    /// <param name="batch_size">Batch size for tensor input (default 32); must be null for a Dataset, which is batched already.</param>
    /// <param name="epochs">Epoch to stop after (counting from 1, including <paramref name="initial_epoch"/>).</param>
    /// <param name="verbose">1 prints a progress bar per epoch, 0 nothing.</param>
    /// <param name="callbacks">Called at the start and end of training, epochs and batches.</param>
    /// <param name="validation_data">A Dataset or an <c>(x_val, y_val)</c> pair evaluated after each epoch.</param>
    /// <param name="shuffle">Tensor input only: a new order every epoch (a Dataset shuffles in its pipeline).</param>
    /// <param name="initial_epoch">Epoch to start from (to resume training).</param>
    /// <param name="validation_freq">Validate every this many epochs.</param>
    /// <exception cref="InvalidOperationException">Not compiled, or the data yields no batches.</exception>
    /// <exception cref="ArgumentException">Arguments the data cannot take, or out of range.</exception>
    public History fit(DataAdapter x, Tensor? y = null, int? batch_size = null, int epochs = 1, int verbose = 1,
        List<Callback>? callbacks = null, DataAdapter? validation_data = null, bool shuffle = true, int initial_epoch = 0,
        int validation_freq = 1)
    {
        RequireCompiled("fit");
        ArgumentNullException.ThrowIfNull(x);
        if (epochs < 1) throw new ArgumentException($"epochs must be at least 1, got {epochs}.");
        if (validation_freq < 1) throw new ArgumentException($"validation_freq must be at least 1, got {validation_freq}.");
        var data = x.configure("fit", y, batch_size, shuffle);
        var validation = validation_data?.configure("fit", null, batch_size, shuffle: false);
        var history = new History();
        var all = new CallbackList(Defaults(callbacks, verbose).Append(history));
        all.Attach(this, new() { ["epochs"] = epochs, ["steps"] = data.num_batches, ["verbose"] = verbose });
        stop_training = false;
        // Prepared once per fit (trainable flags may change between fits), not once per step.
        using var context = new StepContext(this);
        InFit = true;
        try
        {
            all.Each(c => c.on_train_begin(new Logs()));
            for (int epoch = initial_epoch; epoch < epochs && !stop_training; epoch++)
            {
                reset_metrics();
                all.Each(c => c.on_epoch_begin(epoch, new Logs()));
                int batch = 0;
                foreach (var (xb, yb) in data.get_torch_dataloader())
                {
                    Logs logs;
                    using (xb)
                    using (yb)
                    {
                        all.Each(c => c.on_train_batch_begin(batch, new Logs()));
                        logs = TrainStep(xb, Targets(yb, "fit"), context);
                    }
                    all.Each(c => c.on_train_batch_end(batch, logs));
                    batch++;
                    if (stop_training) break;
                }
                if (batch == 0)
                    throw new InvalidOperationException("The training dataset yielded no batches: check its splits, take/skip and --limit.");
                var epochLogs = get_metrics_result();
                if (validation is not null && (epoch + 1 - initial_epoch) % validation_freq == 0)
                    foreach (var (key, value) in evaluate(validation, verbose: 0, return_dict: true).AsDictionary())
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

    static Tensor Targets(Tensor? y, string method) => y ?? throw new ArgumentException(
        $"{method} needs targets: pass y with tensor input (model.{method}(x, y, ...)) or a dataset of (x, y) pairs.");
}
