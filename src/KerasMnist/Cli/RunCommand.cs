using KerasMnist.Datasets.Core;
using KerasMnist.Keras.Backend;
using KerasMnist.Tutorial;
using static KerasMnist.Keras.KerasApi;

namespace KerasMnist.Cli;

/// <summary><c>run</c>: sets up the engine, checks the output folder, then runs the stages on one kernel.</summary>
public static class RunCommand
{
    /// <summary>Runs <paramref name="invocation"/>'s stages with <paramref name="runner"/>.</summary>
    public static int Execute(Invocation invocation, StageRunner runner, Terminal terminal)
    {
        var options = invocation.Options;

        // Everything the libraries print (progress bars, summaries, warnings, downloads) goes to the terminal.
        using var libraryOutput = LibraryOutput.Use(new TerminalOutput(terminal));
        // Everything that can fail fast does so before the first stage: a bad folder or device
        // should not surface after minutes of training.
        using var kernel = new Kernel();
        var plan = runner.Plan(invocation.Stages, kernel);
        OutputFolder.EnsureWritable(options.Output);
        Engine.SetDevice(options.Device);
        // torch's generator (weights, dropout) and tf's global seed (every Dataset.shuffle), so a run repeats exactly.
        keras.utils.set_random_seed(options.Seed);

        terminal.Note(
            $"Stages: {string.Join(" ", plan.Select(s => s.Stage.Name))} | dataset {options.Dataset} | seed {options.Seed} | " +
            $"device {Engine.DeviceName} | output {options.Output}" +
            (options.Limit is { } limit ? $" | limit {limit}" : "") +
            (options.Epochs is { } epochs ? $" | epochs {epochs}" : ""));

        StageRunner.Run(plan, new Session(options, terminal, kernel));
        return ExitCodes.Ok;
    }
}
