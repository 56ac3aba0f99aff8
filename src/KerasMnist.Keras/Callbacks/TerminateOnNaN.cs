using KerasMnist.Keras.Utils;

namespace KerasMnist.Keras.Callbacks;

/// <summary>
/// <c>keras.callbacks.TerminateOnNaN</c>: stops training at the first batch whose loss is NaN or infinite,
/// with a message, instead of finishing with a garbage model.
/// </summary>
public sealed class TerminateOnNaN : Callback
{
    /// <summary>Whether it stopped training.</summary>
    public bool Terminated { get; private set; }

    /// <inheritdoc/>
    public override void on_train_batch_end(int batch, Logs logs)
    {
        if (!logs.TryGetValue("loss", out var loss) || double.IsFinite(loss)) return;
        Terminated = true;
        // A progress bar redrawing in place has not ended its line yet.
        if (io_utils.is_interactive) io_utils.print_msg("");
        io_utils.print_msg($"Batch {batch}: Invalid loss, terminating training (loss = {loss}). " +
            "Lower the learning rate or check the inputs for NaN values.");
        model!.stop_training = true;
    }
}
