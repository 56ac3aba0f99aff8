using System.Diagnostics;
using KerasMnist.Datasets.Data;
using KerasMnist.Keras;
using KerasMnist.Keras.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace KerasMnist.Tutorial;

/// <summary>
/// How long a training cell will take on this machine, measured before <c>fit</c> starts: the notebook runs on a GPU
/// in Colab, a CPU is slower, and a learner should know before waiting. Not part of Keras.
/// </summary>
/// <remarks>
/// <para>It times what an epoch consists of: real <c>train_step</c>s (forward in training mode, backward, the
/// optimizer's update, the metrics) on batches drawn from the training pipeline as fit draws them, and
/// <c>test_step</c>s (on those batches) for the validation pass, each after warm-up steps. The mean step time times
/// the steps per epoch is the estimate: a mean, not a median, because fit's time is the sum of its steps, waits for
/// busy cores and the pipeline's threads included. The first epoch takes longer than the estimate says: it also
/// fills the pipelines' caches and starts their threads, which for a small model on little data can cost more than
/// the steps themselves.</para>
/// <para>The model is left exactly as it was: its weights, optimizer state and metrics are taken with
/// <c>get_state_tree()</c> before and put back after, and torch's random generator too, so a seeded run prints the
/// same numbers with or without the estimate. The training data is read in one pass, abandoned early: a seeded
/// shuffle then hands fit the same orders as before.</para>
/// </remarks>
/// <param name="TrainStep">Mean time of one training step.</param>
/// <param name="TrainSteps">Batches per epoch of the training data.</param>
/// <param name="TestStep">Mean time of one validation step (zero without validation data).</param>
/// <param name="ValidationSteps">Batches per validation pass (0 without validation data).</param>
public sealed record TrainingTime(TimeSpan TrainStep, long TrainSteps, TimeSpan TestStep, long ValidationSteps)
{
    // Warm-up steps pay for building the model, the JIT, the allocator, the optimizer's first state and the pipeline's
    // first block. Then steps are timed until their mean is worth something on a busy machine (where a millisecond
    // step now and then takes 50): at least a few, at least a fraction of a second, at most a few dozen (a ResNet50
    // step takes seconds, an MLP step milliseconds).
    const int WarmUpTrainSteps = 2, WarmUpTestSteps = 1, MinTimedSteps = 3, MaxTimedSteps = 30;
    static readonly TimeSpan MinTimed = TimeSpan.FromSeconds(0.5);

    /// <summary>One epoch: the training steps plus the validation pass.</summary>
    public TimeSpan Epoch => TrainStep * TrainSteps + TestStep * ValidationSteps;

    /// <summary><paramref name="epochs"/> epochs.</summary>
    public TimeSpan For(int epochs) => Epoch * epochs;

    /// <summary>Times <paramref name="model"/>'s steps on batches of <paramref name="train"/>; see the remarks.</summary>
    /// <param name="model">A compiled model; built here if it has not seen a batch yet, as its first batch would build it.</param>
    /// <param name="train">The batched training dataset fit will get.</param>
    /// <param name="validation">fit's <c>validation_data</c>, or null.</param>
    /// <exception cref="InvalidOperationException">The model is not compiled, or the training data yields no batches.</exception>
    public static TrainingTime Measure(Model model, Dataset train, Dataset? validation)
    {
        var batches = new List<(Tensor x, Tensor y)>();
        StateTree? before = null;
        Tensor? random = null;
        try
        {
            List<double> trainTimes, testTimes = [];
            using (var pass = train.take(WarmUpTrainSteps + MaxTimedSteps).GetEnumerator())
            {
                // Batches come from the pipeline as fit gets them, so their preparation is part of the time; a dataset
                // with fewer batches than steps to time gives its batches again.
                (Tensor x, Tensor y) Next(int step)
                {
                    if (batches.Count == step && pass.MoveNext()) batches.Add(pass.Current);
                    if (batches.Count == 0)
                        throw new InvalidOperationException("The training dataset yielded no batches: check its splits, take/skip and --limit.");
                    return batches[step % batches.Count];
                }
                var (x0, _) = Next(0);
                // Built as its first batch would build it, before anything is saved: the weights drawn here are fit's.
                model.Build(new Shape([.. x0.shape.Skip(1).Select(d => (int)d)]));
                before = model.get_state_tree();
                random = torch.random.get_rng_state();
                trainTimes = Time(WarmUpTrainSteps, step =>
                {
                    var (x, y) = Next(step);
                    model.train_step(x, y);
                });
            }
            if (validation is not null)
                testTimes = Time(WarmUpTestSteps, step =>
                {
                    var (x, y) = batches[step % batches.Count];
                    model.test_step(x, y);
                });
            return new TrainingTime(Mean(trainTimes), Math.Max(0, train.cardinality()),
                Mean(testTimes), validation is null ? 0 : Math.Max(0, validation.cardinality()));
        }
        finally
        {
            if (before is not null) model.set_state_tree(before);
            if (random is not null) torch.random.set_rng_state(random);
            before?.Dispose();
            random?.Dispose();
            foreach (var (x, y) in batches)
            {
                x.Dispose();
                y.Dispose();
            }
        }
    }

    // Seconds of each timed run of step(0), step(1), ... after the warm-up ones.
    static List<double> Time(int warmUp, Action<int> step)
    {
        var times = new List<double>();
        var clock = new Stopwatch();
        for (int i = 0; times.Count < MinTimedSteps || (times.Sum() < MinTimed.TotalSeconds && times.Count < MaxTimedSteps); i++)
        {
            clock.Restart();
            step(i);
            if (i >= warmUp) times.Add(clock.Elapsed.TotalSeconds);
        }
        return times;
    }

    static TimeSpan Mean(List<double> seconds) => seconds.Count == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(seconds.Average());

    /// <summary>
    /// The note printed before <c>fit</c>, e.g. <c>Geschätzte Dauer auf cpu: 4,31 s pro Epoche (16 Schritte à 230 ms und 7
    /// Validierungsschritte à 90 ms), etwa 43,1 s für 10 Epochen.</c>
    /// </summary>
    /// <remarks>With one epoch the total would repeat the epoch's time, so the note ends after the steps; a step
    /// shorter than a millisecond reads "unter 1 ms" rather than a rounded "0 ms".</remarks>
    public string Describe(int epochs, string device)
    {
        string validation = ValidationSteps == 0 ? ""
            : $" und {German.Count(ValidationSteps, "Validierungsschritt", "Validierungsschritte")} à {Step(TestStep)}";
        string total = epochs == 1 ? "" : $", etwa {WallTime.Format(For(epochs))} für {German.Count(epochs, "Epoche", "Epochen")}";
        return $"Geschätzte Dauer auf {device}: {WallTime.Format(Epoch)} pro Epoche ({German.Count(TrainSteps, "Schritt", "Schritte")} à " +
            $"{Step(TrainStep)}{validation}){total}.";
    }

    static string Step(TimeSpan time) => time < TimeSpan.FromMilliseconds(0.5) ? "unter 1 ms" : WallTime.Format(time);
}
