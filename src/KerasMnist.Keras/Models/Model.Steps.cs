using KerasMnist.Keras.Backend;
using KerasMnist.Keras.Callbacks;
using KerasMnist.Keras.Losses;
using KerasMnist.Keras.Metrics;
using KerasMnist.Keras.Utils;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Models;

/// <summary>
/// The one step implementation behind <c>fit</c>, <c>evaluate</c> and <c>predict</c> (Keras's <c>train_step</c>,
/// <c>test_step</c> and <c>predict_step</c> in <c>backend/torch/trainer.py</c>): the only place where the forward pass,
/// the loss with its regularization penalty, the gradients, the optimizer's update and the metrics meet.
/// </summary>
public abstract partial class Model
{
    // Keras's _loss_tracker: the running mean of the loss (with the penalty) that fit and evaluate report.
    readonly Mean loss_tracker = new("loss");

    /// <summary><c>model.metrics</c>: the loss tracker, then the compiled metrics.</summary>
    public IReadOnlyList<Metric> metrics => compiled_metrics.Prepend(loss_tracker).ToList();

    /// <summary>
    /// <c>model.train_step((x, y))</c>: one update on one batch. Forward in training mode, the loss plus the
    /// regularization penalty (<see cref="RegularizationPenalty"/>: L2 gradients are added directly), its gradients,
    /// the optimizer's update, then the running loss (with the penalty, from the pre-update weights, as Keras reports
    /// it) and the metrics from the same forward pass. Leaves <paramref name="x"/> and <paramref name="y"/> to the caller.
    /// </summary>
    /// <param name="x">A batch in Keras's layout, e.g. (128, 28, 28, 1) float32 (an integer dtype is converted).</param>
    /// <param name="y">Its targets, e.g. (128) int64 labels.</param>
    /// <returns><see cref="get_metrics_result"/> after the step.</returns>
    /// <exception cref="InvalidOperationException">The model is not compiled.</exception>
    public Logs train_step(Tensor x, Tensor y)
    {
        RequireCompiled("train_step");
        using var context = new StepContext(this);
        return TrainStep(x, y, context);
    }

    /// <summary>
    /// <c>model.test_step((x, y))</c>: loss (with the regularization penalty) and metrics on one batch, in inference
    /// mode and without gradients; nothing else changes.
    /// </summary>
    /// <returns><see cref="get_metrics_result"/> after the step.</returns>
    /// <exception cref="InvalidOperationException">The model is not compiled.</exception>
    public Logs test_step(Tensor x, Tensor y)
    {
        RequireCompiled("test_step");
        using var context = new StepContext(this);
        return TestStep(x, y, context);
    }

    /// <summary><c>model.predict_step(x)</c>: the outputs for one batch, in inference mode, in Keras's layout, on the engine's device.</summary>
    public Tensor predict_step(Tensor x)
    {
        using var _ = no_grad();
        return ForwardInternal(PrepareInput(x), training: false);
    }

    /// <summary><c>model.get_metrics_result()</c>: <c>loss</c>, then every compiled metric, as fit and evaluate log them.</summary>
    public Logs get_metrics_result()
    {
        var logs = new Logs();
        foreach (var m in metrics) logs[m.name] = m.result();
        return logs;
    }

    /// <summary><c>model.reset_metrics()</c>: restarts the loss tracker and every compiled metric.</summary>
    public void reset_metrics()
    {
        foreach (var m in metrics) m.reset_state();
    }

    internal Logs TrainStep(Tensor xb, Tensor yb, StepContext context)
    {
        using var scope = NewDisposeScope();
        var x = PrepareInput(xb);
        var (variables, values, penalty) = context.Training();
        var y = OnDevice(yb);
        var y_pred = ForwardInternal(x, training: true);
        var objective = penalty.Differentiable(loss!.Call(y, y_pred));
        var reported = penalty.Reported(objective);
        if (variables.Count > 0)
        {
            var grads = autograd.grad([objective], values);
            penalty.AddL2Gradients(grads, variables);
            optimizer!.apply_gradients(grads as IReadOnlyList<Tensor> ?? grads.ToList(), variables);
        }
        loss_tracker.update_state(reported.item<float>(), y.shape[0]);
        foreach (var m in compiled_metrics) m.update_state(y, y_pred);
        return get_metrics_result();
    }

    internal Logs TestStep(Tensor xb, Tensor yb, StepContext context)
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var y = OnDevice(yb);
        var y_pred = ForwardInternal(PrepareInput(xb), training: false);
        var total = loss!.Call(y, y_pred);
        if (context.FixedPenalty() is { } penalty) total = total.add(penalty);
        loss_tracker.update_state(total.item<float>(), y.shape[0]);
        foreach (var m in compiled_metrics) m.update_state(y, y_pred);
        return get_metrics_result();
    }

    static Tensor OnDevice(Tensor y) => y.device == Engine.Device ? y : y.to(Engine.Device);

    /// <summary>
    /// What the steps of one fit or evaluate share and need not redo per step, prepared at the first step (which
    /// builds a model declared without an input shape): the trainable variables, their tensors and the regularization
    /// terms; for evaluate also the penalty's value, since the weights do not change there. A step called on its own
    /// gets a context of its own.
    /// </summary>
    internal sealed class StepContext(Model model) : IDisposable
    {
        (List<Variable> variables, List<Tensor> values, RegularizationPenalty penalty)? training;
        RegularizationPenalty? testTerms;
        Tensor? fixedPenalty;

        public (List<Variable> variables, List<Tensor> values, RegularizationPenalty penalty) Training()
        {
            if (training is { } prepared) return prepared;
            var variables = model.trainable_weights.ToList();
            // Keras 3 warns and still reports loss and metrics.
            if (variables.Count == 0)
                io_utils.print_msg($"UserWarning: The model \"{model.name}\" does not have any trainable weights.");
            training = (variables, variables.Select(v => v.Value).ToList(), new RegularizationPenalty(variables));
            return training.Value;
        }

        public Tensor? FixedPenalty()
        {
            if (testTerms is null)
            {
                testTerms = new RegularizationPenalty(model.trainable_weights.ToList());
                fixedPenalty = testTerms.Value()?.DetachFromDisposeScope();
            }
            return fixedPenalty;
        }

        public void Dispose() => fixedPenalty?.Dispose();
    }
}
