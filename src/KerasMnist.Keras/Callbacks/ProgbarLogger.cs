using KerasMnist.Keras.Utils;

namespace KerasMnist.Keras.Callbacks;

/// <summary>
/// <c>keras.callbacks.ProgbarLogger</c>: prints <c>Epoch i/N</c> and a progress bar per epoch or evaluation, through
/// <see cref="io_utils.print_msg"/>.
/// </summary>
public sealed class ProgbarLogger : Callback
{
    Progbar? bar;
    int seen;

    int Verbose => @params.TryGetValue("verbose", out var v) ? (int)v! : 1;
    long? Steps => @params.TryGetValue("steps", out var s) && s is long steps && steps > 0 ? steps : null;

    /// <inheritdoc/>
    public override void on_epoch_begin(int epoch, Logs logs)
    {
        if (Verbose == 0) return;
        int epochs = (int)@params["epochs"]!;
        if (epochs > 1) io_utils.print_msg($"Epoch {epoch + 1}/{epochs}");
        Start();
    }

    /// <inheritdoc/>
    public override void on_train_batch_end(int batch, Logs logs) => Step(batch, logs);

    /// <inheritdoc/>
    public override void on_epoch_end(int epoch, Logs logs) => bar?.update(seen, logs, finalize: true);

    /// <inheritdoc/>
    public override void on_test_begin(Logs logs)
    {
        if (model is not null && !model.InFit && Verbose != 0) Start();
    }

    /// <inheritdoc/>
    public override void on_test_batch_end(int batch, Logs logs)
    {
        if (model is not null && !model.InFit) Step(batch, logs);
    }

    /// <inheritdoc/>
    public override void on_test_end(Logs logs)
    {
        if (model is not null && !model.InFit) bar?.update(seen, logs, finalize: true);
    }

    /// <inheritdoc/>
    public override void on_predict_begin(Logs logs)
    {
        if (Verbose != 0) Start();
    }

    /// <inheritdoc/>
    public override void on_predict_batch_end(int batch, Logs logs) => Step(batch, logs);

    /// <inheritdoc/>
    public override void on_predict_end(Logs logs) => bar?.update(seen, null, finalize: true);

    void Start()
    {
        seen = 0;
        bar = Verbose == 0 ? null : new Progbar(Steps, verbose: Verbose);
    }

    void Step(int batch, Logs logs)
    {
        seen = batch + 1;
        bar?.update(seen, logs, finalize: false);
    }
}
