using KerasMnist.Keras.Models;

namespace KerasMnist.Keras.Callbacks;

/// <summary>
/// <c>keras.callbacks.Callback</c>: hooks fit and evaluate call at the start and end of training, epochs and
/// batches. <c>logs</c> hold the running values Keras reports (<c>loss</c>, metrics, <c>val_*</c> at epoch end).
/// </summary>
public abstract class Callback
{
    /// <summary><c>callback.model</c>, set by fit/evaluate.</summary>
    public Model? model { get; internal set; }

    /// <summary>Training and evaluation settings: <c>epochs</c>, <c>steps</c> (null when the data cannot tell), <c>verbose</c>.</summary>
    public IReadOnlyDictionary<string, object?> @params { get; internal set; } = new Dictionary<string, object?>();

#pragma warning disable CS1591 // Keras's hook names, documented there
    public virtual void on_train_begin(Logs logs) { }
    public virtual void on_train_end(Logs logs) { }
    public virtual void on_epoch_begin(int epoch, Logs logs) { }
    public virtual void on_epoch_end(int epoch, Logs logs) { }
    public virtual void on_train_batch_begin(int batch, Logs logs) { }
    public virtual void on_train_batch_end(int batch, Logs logs) { }
    public virtual void on_test_begin(Logs logs) { }
    public virtual void on_test_end(Logs logs) { }
    public virtual void on_test_batch_end(int batch, Logs logs) { }
    public virtual void on_predict_begin(Logs logs) { }
    public virtual void on_predict_end(Logs logs) { }
    public virtual void on_predict_batch_end(int batch, Logs logs) { }
#pragma warning restore CS1591
}

/// <summary>The values a step or epoch reports, in Keras's key order (loss, metrics, then val_ keys).</summary>
public sealed class Logs : OrderedDictionary<string, double>
{
    /// <summary>An empty log.</summary>
    public Logs() { }

    /// <summary>A copy of <paramref name="other"/>.</summary>
    public Logs(IEnumerable<KeyValuePair<string, double>> other) : base(other) { }
}
