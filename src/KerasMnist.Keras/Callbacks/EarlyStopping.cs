using KerasMnist.Keras.Utils;
using TorchSharp;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Callbacks;

/// <summary>
/// <c>keras.callbacks.EarlyStopping</c> with tf.keras 2.15's rules: at each epoch end the monitored value counts
/// as an improvement when it beats the best so far by more than <c>min_delta</c>; after <c>patience</c> epochs
/// without one (never at the first epoch) training stops. With <c>baseline</c>, an improvement resets the wait
/// only if it also beats the baseline. With <c>restore_best_weights</c>, the weights of the best epoch (or of the
/// first monitored epoch if none improved) are put back when training ends, whether or not it stopped early.
/// </summary>
public sealed class EarlyStopping : Callback
{
    readonly Action<string>? print_fn;
    readonly Func<double, double, bool> better;
    List<Tensor>? bestWeights;

    /// <summary>See <c>keras.callbacks.EarlyStopping</c>.</summary>
    /// <param name="monitor">The log key to watch (<c>val_loss</c>, <c>val_sparse_categorical_accuracy</c>, ...).</param>
    /// <param name="min_delta">The least change that counts as an improvement (its sign is ignored).</param>
    /// <param name="patience">Epochs without improvement before stopping.</param>
    /// <param name="verbose">1 prints <c>Epoch N: early stopping</c> and the restore message.</param>
    /// <param name="mode"><c>min</c>, <c>max</c>, or <c>auto</c>: max for keys ending in acc/accuracy/auc, else min.</param>
    /// <param name="baseline">A value the monitored quantity must beat before the wait resets.</param>
    /// <param name="restore_best_weights">Put the best epoch's weights back at the end of training.</param>
    /// <param name="start_from_epoch">Epochs (from 0) to ignore as warm-up.</param>
    /// <param name="print_fn">Not in Keras: receives the messages (verbose output and the missing-monitor warning)
    /// instead of <see cref="io_utils.print_msg"/>.</param>
    public EarlyStopping(string monitor = "val_loss", double min_delta = 0, int patience = 0, int verbose = 0,
        string mode = "auto", double? baseline = null, bool restore_best_weights = false, int start_from_epoch = 0,
        Action<string>? print_fn = null)
    {
        if (patience < 0) throw new ArgumentException($"patience must be >= 0, got {patience}.");
        if (start_from_epoch < 0) throw new ArgumentException($"start_from_epoch must be >= 0, got {start_from_epoch}.");
        this.monitor = monitor;
        this.patience = patience;
        this.verbose = verbose;
        this.baseline = baseline;
        this.restore_best_weights = restore_best_weights;
        this.start_from_epoch = start_from_epoch;
        this.print_fn = print_fn;
        if (mode is not ("auto" or "min" or "max"))
        {
            Warn($"EarlyStopping mode {mode} is unknown, fallback to auto mode.");
            mode = "auto";
        }
        bool maximize = mode == "max" || (mode == "auto" &&
            (monitor.EndsWith("acc") || monitor.EndsWith("accuracy") || monitor.EndsWith("auc")));
        this.mode = mode;
        this.min_delta = maximize ? Math.Abs(min_delta) : -Math.Abs(min_delta);
        better = maximize ? (a, b) => a > b : (a, b) => a < b;
    }

#pragma warning disable CS1591 // Keras's attributes, documented there
    public string monitor { get; }
    public int patience { get; }
    public int verbose { get; }
    public string mode { get; }
    public double? baseline { get; }
    public bool restore_best_weights { get; }
    public int start_from_epoch { get; }

    /// <summary>The signed delta Keras compares with: negative when minimizing.</summary>
    public double min_delta { get; }

    /// <summary>Epochs since the last improvement.</summary>
    public int wait { get; private set; }

    /// <summary>The epoch (from 0) at which training was stopped; 0 when it was not.</summary>
    public int stopped_epoch { get; private set; }

    /// <summary>The best monitored value so far.</summary>
    public double best { get; private set; }

    /// <summary>The epoch (from 0) of <see cref="best"/>.</summary>
    public int best_epoch { get; private set; }
#pragma warning restore CS1591

    /// <inheritdoc/>
    public override void on_train_begin(Logs logs)
    {
        wait = 0;
        stopped_epoch = 0;
        best = better(0, 1) ? double.PositiveInfinity : double.NegativeInfinity;
        ReplaceBestWeights(null);
        best_epoch = 0;
    }

    /// <inheritdoc/>
    public override void on_epoch_end(int epoch, Logs logs)
    {
        if (!logs.TryGetValue(monitor, out var current))
        {
            Warn($"Early stopping conditioned on metric `{monitor}` which is not available. Available metrics are: {string.Join(",", logs.Keys)}");
            return;
        }
        if (epoch < start_from_epoch) return;
        if (restore_best_weights && bestWeights is null)
        {
            // If nothing ever improves, training ends on the weights of the first monitored epoch.
            ReplaceBestWeights(model!.GetWeights());
            best_epoch = epoch;
        }
        wait++;
        if (IsImprovement(current, best))
        {
            best = current;
            best_epoch = epoch;
            if (restore_best_weights) ReplaceBestWeights(model!.GetWeights());
            if (baseline is null || IsImprovement(current, baseline.Value)) wait = 0;
            return;
        }
        if (wait >= patience && epoch > 0)
        {
            stopped_epoch = epoch;
            model!.stop_training = true;
        }
    }

    /// <inheritdoc/>
    public override void on_train_end(Logs logs)
    {
        if (stopped_epoch > 0 && verbose > 0) Print($"Epoch {stopped_epoch + 1}: early stopping");
        if (restore_best_weights && bestWeights is not null)
        {
            if (verbose > 0) Print($"Restoring model weights from the end of the best epoch: {best_epoch + 1}.");
            model!.SetWeights(bestWeights);
        }
        ReplaceBestWeights(null);
    }

    bool IsImprovement(double value, double reference) => better(value - min_delta, reference);

    void ReplaceBestWeights(List<Tensor>? weights)
    {
        // Snapshots live across epochs and dispose scopes; they are freed as soon as a better one replaces them.
        foreach (var t in bestWeights ?? []) t.Dispose();
        foreach (var t in weights ?? []) t.DetachFromDisposeScope();
        bestWeights = weights;
    }

    void Print(string message) => (print_fn ?? (m => io_utils.print_msg(m)))(message);

    void Warn(string message) => Print("Warning: " + message);
}
