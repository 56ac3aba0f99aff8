using KerasMnist.Datasets.Data;
using KerasMnist.Keras.Backend;
using KerasMnist.Keras.Callbacks;
using KerasMnist.Keras.Losses;
using KerasMnist.Keras.Metrics;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Models;

public abstract partial class Model
{
    /// <summary>
    /// <c>model.evaluate(x)</c>: loss (including regularization penalties) and metrics over a batched Dataset,
    /// in inference mode. Prints <c>[loss, metric...]</c> like the Python list when passed to Console.WriteLine.
    /// </summary>
    public Scores evaluate(Dataset x, int verbose = 1, List<Callback>? callbacks = null, bool return_dict = false)
    {
        RequireCompiled("evaluate");
        var all = new CallbackList(Defaults(callbacks, InFit ? 0 : verbose));
        all.Attach(this, new() { ["epochs"] = 1, ["steps"] = x.cardinality(), ["verbose"] = verbose });
        var lossTracker = new Mean("loss");
        // Keras resets and reuses the compiled metrics: fit has already read its epoch's values when it validates.
        var metrics = compiled_metrics;
        foreach (var m in metrics) m.reset_state();
        all.Each(c => c.on_test_begin(new Logs()));
        int step = 0;
        using (no_grad())
        {
            RegularizationPenalty? terms = null;
            Tensor? penalty = null;
            foreach (var (xb, yb) in x)
            {
                using var scope = NewDisposeScope();
                var y = yb.device == Engine.Device ? yb : yb.to(Engine.Device);
                var y_pred = ForwardInternal(PrepareInput(xb), training: false);
                // The weights do not change during evaluate: the penalty is computed once (after the first batch builds the model).
                if (terms is null)
                {
                    terms = new RegularizationPenalty(trainable_weights.ToList());
                    penalty = terms.Value()?.DetachFromDisposeScope();
                }
                var total = loss!.Call(y, y_pred);
                if (penalty is not null) total = total.add(penalty);
                lossTracker.update_state(total.item<float>(), y.shape[0]);
                foreach (var m in metrics) m.update_state(y, y_pred);
                xb.Dispose();
                yb.Dispose();
                var logs = Logs(lossTracker, metrics);
                all.Each(c => c.on_test_batch_end(step, logs));
                step++;
            }
            penalty?.Dispose();
        }
        if (step == 0) throw new InvalidOperationException("evaluate() got a dataset with no batches.");
        var final = Logs(lossTracker, metrics);
        all.Each(c => c.on_test_end(final));
        return new Scores(final.Keys.ToList(), final.Values.ToArray());
    }

    static Logs Logs(Mean lossTracker, IEnumerable<Metric> metrics)
    {
        var logs = new Logs { ["loss"] = lossTracker.result() };
        foreach (var m in metrics) logs[m.name] = m.result();
        return logs;
    }

    /// <summary>
    /// <c>model.predict(x)</c> on one Keras-layout tensor, in batches of <paramref name="batch_size"/>, in
    /// inference mode. Returns the outputs on the CPU (Keras returns a numpy array).
    /// </summary>
    public Tensor predict(Tensor x, int batch_size = 32, int verbose = 0)
    {
        if (batch_size < 1) throw new ArgumentException($"batch_size must be at least 1, got {batch_size}.");
        long n = x.shape[0];
        var batches = Enumerable.Range(0, (int)((n + batch_size - 1) / batch_size))
            .Select(i => x.narrow(0, (long)i * batch_size, Math.Min(batch_size, n - (long)i * batch_size)));
        return Predict(batches, (n + batch_size - 1) / batch_size, verbose);
    }

    /// <summary><c>model.predict(dataset)</c>: the outputs for every batch's x, concatenated, on the CPU.</summary>
    public Tensor predict(Dataset x, int verbose = 0) =>
        Predict(x.Select(b => { b.y.Dispose(); return b.x; }), x.cardinality(), verbose);

    Tensor Predict(IEnumerable<Tensor> batches, long steps, int verbose)
    {
        var all = new CallbackList(Defaults(null, verbose));
        all.Attach(this, new() { ["epochs"] = 1, ["steps"] = steps, ["verbose"] = verbose });
        all.Each(c => c.on_predict_begin(new Logs()));
        var outputs = new List<Tensor>();
        int step = 0;
        using (no_grad())
        {
            foreach (var xb in batches)
            {
                using var scope = NewDisposeScope();
                var y = Layout.ToKeras(ForwardInternal(PrepareInput(xb), training: false)).cpu().contiguous();
                outputs.Add(y.MoveToOuterDisposeScope());
                all.Each(c => c.on_predict_batch_end(step, new Logs()));
                step++;
            }
        }
        all.Each(c => c.on_predict_end(new Logs()));
        if (outputs.Count == 0) throw new InvalidOperationException("predict() got no input batches.");
        var result = outputs.Count == 1 ? outputs[0] : cat(outputs, 0);
        if (outputs.Count > 1) foreach (var o in outputs) o.Dispose();
        return result;
    }
}
