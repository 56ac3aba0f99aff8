namespace KerasMnist.Keras.Callbacks;

/// <summary>
/// <c>keras.callbacks.LambdaCallback</c>: a callback made of delegates, e.g.
/// <c>new LambdaCallback(on_epoch_end: (epoch, logs) => Console.WriteLine(logs["val_loss"]))</c>.
/// Hooks take what Keras passes: <c>(epoch, logs)</c>, <c>(batch, logs)</c> or <c>(logs)</c>. As in Keras,
/// <c>on_batch_begin</c>/<c>on_batch_end</c> are the training-batch hooks.
/// </summary>
public sealed class LambdaCallback : Callback
{
    readonly Action<int, Logs>? epochBegin, epochEnd, trainBatchBegin, trainBatchEnd, testBatchEnd, predictBatchEnd;
    readonly Action<Logs>? trainBegin, trainEnd, testBegin, testEnd, predictBegin, predictEnd;

    /// <summary>See <c>keras.callbacks.LambdaCallback</c>; every hook is optional.</summary>
    public LambdaCallback(
        Action<int, Logs>? on_epoch_begin = null, Action<int, Logs>? on_epoch_end = null,
        Action<int, Logs>? on_batch_begin = null, Action<int, Logs>? on_batch_end = null,
        Action<Logs>? on_train_begin = null, Action<Logs>? on_train_end = null,
        Action<int, Logs>? on_train_batch_begin = null, Action<int, Logs>? on_train_batch_end = null,
        Action<Logs>? on_test_begin = null, Action<Logs>? on_test_end = null, Action<int, Logs>? on_test_batch_end = null,
        Action<Logs>? on_predict_begin = null, Action<Logs>? on_predict_end = null, Action<int, Logs>? on_predict_batch_end = null)
    {
        epochBegin = on_epoch_begin;
        epochEnd = on_epoch_end;
        trainBatchBegin = Either(on_batch_begin, on_train_batch_begin, "on_batch_begin", "on_train_batch_begin");
        trainBatchEnd = Either(on_batch_end, on_train_batch_end, "on_batch_end", "on_train_batch_end");
        trainBegin = on_train_begin;
        trainEnd = on_train_end;
        testBegin = on_test_begin;
        testEnd = on_test_end;
        testBatchEnd = on_test_batch_end;
        predictBegin = on_predict_begin;
        predictEnd = on_predict_end;
        predictBatchEnd = on_predict_batch_end;
    }

    static Action<int, Logs>? Either(Action<int, Logs>? alias, Action<int, Logs>? hook, string aliasName, string hookName) =>
        alias is not null && hook is not null
            ? throw new ArgumentException($"{aliasName} and {hookName} are the same hook; pass only one of them.")
            : alias ?? hook;

#pragma warning disable CS1591 // Keras's hook names, documented on Callback
    public override void on_epoch_begin(int epoch, Logs logs) => epochBegin?.Invoke(epoch, logs);
    public override void on_epoch_end(int epoch, Logs logs) => epochEnd?.Invoke(epoch, logs);
    public override void on_train_batch_begin(int batch, Logs logs) => trainBatchBegin?.Invoke(batch, logs);
    public override void on_train_batch_end(int batch, Logs logs) => trainBatchEnd?.Invoke(batch, logs);
    public override void on_train_begin(Logs logs) => trainBegin?.Invoke(logs);
    public override void on_train_end(Logs logs) => trainEnd?.Invoke(logs);
    public override void on_test_begin(Logs logs) => testBegin?.Invoke(logs);
    public override void on_test_end(Logs logs) => testEnd?.Invoke(logs);
    public override void on_test_batch_end(int batch, Logs logs) => testBatchEnd?.Invoke(batch, logs);
    public override void on_predict_begin(Logs logs) => predictBegin?.Invoke(logs);
    public override void on_predict_end(Logs logs) => predictEnd?.Invoke(logs);
    public override void on_predict_batch_end(int batch, Logs logs) => predictBatchEnd?.Invoke(batch, logs);
#pragma warning restore CS1591
}
