using KerasMnist.Keras.Callbacks;
using KerasMnist.Keras.Trainers.DataAdapters;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Models;

public abstract partial class Model
{
    /// <summary>
    /// <c>model.predict(x, batch_size, verbose, callbacks)</c>: <see cref="predict_step"/> over every batch of
    /// <paramref name="x"/>, in inference mode; the outputs concatenated, on the CPU (Keras returns a numpy array).
    /// A Dataset's targets are ignored. Unlike Keras (<c>verbose="auto"</c>), no progress bar unless asked for.
    /// </summary>
    /// <param name="x">A tensor of inputs in Keras's layout (examples along axis 0), or a tf.data Dataset.</param>
    /// <param name="batch_size">Batch size for tensor input (default 32); must be null for a Dataset.</param>
    /// <param name="verbose">1 prints a progress bar.</param>
    /// <param name="callbacks">Called at the start and end of prediction and of each batch.</param>
    /// <exception cref="InvalidOperationException">The data yields no batches.</exception>
    public Tensor predict(DataAdapter x, int? batch_size = null, int verbose = 0, List<Callback>? callbacks = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        var data = x.configure("predict", null, batch_size, shuffle: false);
        var all = new CallbackList(Defaults(callbacks, verbose));
        all.Attach(this, new() { ["epochs"] = 1, ["steps"] = data.num_batches, ["verbose"] = verbose });
        all.Each(c => c.on_predict_begin(new Logs()));
        var outputs = new List<Tensor>();
        int step = 0;
        foreach (var (xb, yb) in data.get_torch_dataloader())
        {
            yb?.Dispose();
            using (xb)
            using (var scope = NewDisposeScope())
                outputs.Add(predict_step(xb).cpu().contiguous().MoveToOuterDisposeScope());
            all.Each(c => c.on_predict_batch_end(step, new Logs()));
            step++;
        }
        all.Each(c => c.on_predict_end(new Logs()));
        if (outputs.Count == 0) throw new InvalidOperationException("predict() got no input batches.");
        var result = outputs.Count == 1 ? outputs[0] : cat(outputs, 0);
        if (outputs.Count > 1) foreach (var o in outputs) o.Dispose();
        return result;
    }
}
