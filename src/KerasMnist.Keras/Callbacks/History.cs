namespace KerasMnist.Keras.Callbacks;

/// <summary><c>keras.callbacks.History</c>, returned by <c>fit</c>: <c>history.history["val_loss"]</c> per epoch.</summary>
public sealed class History : Callback
{
    /// <summary><c>history.history</c>: each key's values, one per epoch.</summary>
    public Dictionary<string, List<double>> history { get; } = new();

    /// <summary><c>history.epoch</c>: the epoch indices (0-based) that ran.</summary>
    public List<int> epoch { get; } = new();

    /// <inheritdoc/>
    public override void on_epoch_end(int epoch, Logs logs)
    {
        this.epoch.Add(epoch);
        foreach (var (key, value) in logs)
        {
            if (!history.TryGetValue(key, out var values)) history[key] = values = new List<double>();
            values.Add(value);
        }
    }
}
