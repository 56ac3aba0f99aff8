using KerasMnist.Keras.Callbacks;
using KerasMnist.Keras.Trainers.DataAdapters;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Models;

public abstract partial class Model
{
    /// <summary>
    /// <c>model.evaluate(x, y, batch_size, verbose, callbacks, return_dict)</c>: <see cref="test_step"/> over every batch,
    /// giving the loss (including regularization penalties) and the metrics in inference mode. Prints
    /// <c>[loss, metric...]</c> like the Python list when printed.
    /// </summary>
    /// <param name="x">A batched tf.data Dataset of (x, y), or a tensor of inputs with <paramref name="y"/>.</param>
    /// <param name="y">The targets when <paramref name="x"/> is a tensor; must be null for a Dataset.</param>
    /// <param name="batch_size">Batch size for tensor input (default 32); must be null for a Dataset.</param>
    /// <param name="verbose">1 prints a progress bar (never during fit's validation), 0 nothing.</param>
    /// <param name="callbacks">Called at the start and end of the evaluation and of each batch.</param>
    /// <param name="return_dict">Accepted for Keras's signature; <see cref="Scores"/> is list and dictionary at once.</param>
    /// <exception cref="InvalidOperationException">Not compiled, or the data yields no batches.</exception>
    public Scores evaluate(DataAdapter x, Tensor? y = null, int? batch_size = null, int verbose = 1, List<Callback>? callbacks = null,
        bool return_dict = false)
    {
        RequireCompiled("evaluate");
        ArgumentNullException.ThrowIfNull(x);
        var data = x.configure("evaluate", y, batch_size, shuffle: false);
        var all = new CallbackList(Defaults(callbacks, InFit ? 0 : verbose));
        all.Attach(this, new() { ["epochs"] = 1, ["steps"] = data.num_batches, ["verbose"] = verbose });
        // Keras resets and reuses the compiled metrics: fit has already read its epoch's values when it validates.
        reset_metrics();
        all.Each(c => c.on_test_begin(new Logs()));
        int step = 0;
        using (var context = new StepContext(this))
        {
            foreach (var (xb, yb) in data.get_torch_dataloader())
            {
                Logs logs;
                using (xb)
                using (yb)
                    logs = TestStep(xb, Targets(yb, "evaluate"), context);
                all.Each(c => c.on_test_batch_end(step, logs));
                step++;
            }
        }
        if (step == 0) throw new InvalidOperationException("evaluate() got a dataset with no batches.");
        var final = get_metrics_result();
        all.Each(c => c.on_test_end(final));
        return new Scores(final.Keys.ToList(), final.Values.ToArray());
    }
}
