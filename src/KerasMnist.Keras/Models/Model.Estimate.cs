using System.Diagnostics;
using KerasMnist.Datasets.Data;
using KerasMnist.Keras.Backend;
using KerasMnist.Keras.Losses;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Models;

/// <summary>How long <c>fit</c> will take, measured before it starts: seconds per step times the steps.</summary>
/// <param name="SecondsPerStep">Median time of one forward and backward pass on a training batch.</param>
/// <param name="TrainSteps">Batches per epoch of the training data.</param>
/// <param name="ValidationSteps">Batches per validation pass (0 without validation data).</param>
public sealed record TrainingEstimate(double SecondsPerStep, long TrainSteps, long ValidationSteps)
{
    /// <summary>One epoch: training steps plus the validation pass (a forward pass costs about a third of a step).</summary>
    public TimeSpan Epoch => TimeSpan.FromSeconds(SecondsPerStep * (TrainSteps + ValidationSteps / 3.0));

    /// <summary><paramref name="epochs"/> epochs.</summary>
    public TimeSpan For(int epochs) => Epoch * epochs;
}

public abstract partial class Model
{
    /// <summary>
    /// Times a few training steps on the first batch of <paramref name="x"/> without changing the model:
    /// forward and backward passes run, but no update is applied and BatchNormalization's moving statistics
    /// stay as they are (the forward runs in inference mode, which costs about the same). Not part of Keras;
    /// the tutorial prints the estimate before a long training stage.
    /// </summary>
    public TrainingEstimate EstimateTraining(Dataset x, Dataset? validation_data = null, int probe_steps = 3)
    {
        RequireCompiled("fit");
        var batch = x.take(1).FirstOrDefault();
        if (batch.x is null) throw new InvalidOperationException("The training dataset yielded no batches.");
        var times = new List<double>();
        List<Variable>? variables = null;
        RegularizationPenalty? penalty = null;
        for (int i = 0; i <= probe_steps; i++)
        {
            using var scope = NewDisposeScope();
            var clock = Stopwatch.StartNew();
            var input = PrepareInput(batch.x);
            // As fit does (see TrainingStep), once the first batch has built the model.
            variables ??= trainable_weights.ToList();
            penalty ??= new RegularizationPenalty(variables);
            var y = batch.y.to(Engine.Device);
            var objective = penalty.Differentiable(loss!.Call(y, ForwardInternal(input, training: false)));
            var reported = penalty.Reported(objective);
            if (variables.Count > 0)
                penalty.AddL2Gradients(autograd.grad([objective], variables.Select(v => v.Value).ToList()), variables);
            _ = reported.item<float>();
            if (i > 0) times.Add(clock.Elapsed.TotalSeconds); // the first is warm-up (JIT, allocator)
        }
        batch.x.Dispose();
        batch.y.Dispose();
        times.Sort();
        return new TrainingEstimate(times[times.Count / 2], Math.Max(0, x.cardinality()),
            validation_data is null ? 0 : Math.Max(0, validation_data.cardinality()));
    }
}
