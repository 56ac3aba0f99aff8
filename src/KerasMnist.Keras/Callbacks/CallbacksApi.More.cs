using KerasMnist.Keras.Callbacks;

namespace KerasMnist.Keras;

public sealed partial class CallbacksApi
{
    /// <summary>
    /// <c>keras.callbacks.EarlyStopping(monitor="val_loss", min_delta=0, patience=0, verbose=0, mode="auto",
    /// baseline=None, restore_best_weights=False, start_from_epoch=0)</c>; see <see cref="Callbacks.EarlyStopping"/>.
    /// </summary>
    public EarlyStopping EarlyStopping(string monitor = "val_loss", double min_delta = 0, int patience = 0, int verbose = 0,
        string mode = "auto", double? baseline = null, bool restore_best_weights = false, int start_from_epoch = 0,
        Action<string>? print_fn = null)
        => new(monitor, min_delta, patience, verbose, mode, baseline, restore_best_weights, start_from_epoch, print_fn);

    /// <summary><c>keras.callbacks.LambdaCallback(on_epoch_end=..., ...)</c>; see <see cref="Callbacks.LambdaCallback"/>.</summary>
    public LambdaCallback LambdaCallback(
        Action<int, Logs>? on_epoch_begin = null, Action<int, Logs>? on_epoch_end = null,
        Action<int, Logs>? on_batch_begin = null, Action<int, Logs>? on_batch_end = null,
        Action<Logs>? on_train_begin = null, Action<Logs>? on_train_end = null,
        Action<int, Logs>? on_train_batch_begin = null, Action<int, Logs>? on_train_batch_end = null,
        Action<Logs>? on_test_begin = null, Action<Logs>? on_test_end = null, Action<int, Logs>? on_test_batch_end = null,
        Action<Logs>? on_predict_begin = null, Action<Logs>? on_predict_end = null, Action<int, Logs>? on_predict_batch_end = null)
        => new(on_epoch_begin, on_epoch_end, on_batch_begin, on_batch_end, on_train_begin, on_train_end,
            on_train_batch_begin, on_train_batch_end, on_test_begin, on_test_end, on_test_batch_end,
            on_predict_begin, on_predict_end, on_predict_batch_end);
}
