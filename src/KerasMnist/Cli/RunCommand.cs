using KerasMnist.Datasets.Download;
using System.CommandLine;
using KerasMnist.Datasets.Core;
using KerasMnist.Keras.Backend;
using KerasMnist.Report;
using KerasMnist.Tutorial;
using static KerasMnist.Keras.KerasApi;

namespace KerasMnist.Cli;

/// <summary>
/// <c>run [STAGE...] [options]</c>: binds the options into <see cref="RunOptions"/>, sets up the engine, checks
/// the output folder, then runs the stages on one kernel.
/// </summary>
public sealed class RunCommand : Command, IHelpNotes
{
    readonly Argument<string[]> stages = new("STAGE") { HelpName = "STAGE", Arity = ArgumentArity.ZeroOrMore };
    readonly Option<string?> dataDir = SharedOptions.DataDir();
    readonly Option<string> output = SharedOptions.Output();
    readonly Option<string> dataset = SharedOptions.Dataset();
    readonly Option<int> seed = SharedOptions.Seed();
    readonly Option<int?> epochs = new("--epochs") { HelpName = "N", CustomParser = OptionValues.OptionalWholeNumber(min: 1) };
    readonly Option<int?> limit = new("--limit")
    {
        HelpName = "N",
        Description = "Use only the first N training examples; validation and test keep the same share of theirs " +
            "(MNIST: --limit 4200 gives 4,200 / 1,800 / 1,000). Default: all",
        CustomParser = OptionValues.OptionalWholeNumber(min: 1),
    };
    readonly Option<string> device = SharedOptions.Device();

    /// <summary>Declares <c>run</c> over <paramref name="runner"/>'s stages, printing to <paramref name="terminal"/>.</summary>
    public RunCommand(StageRunner runner, Terminal terminal)
        : base("run", "Run stages in notebook order, all of them when none is given. Stages share their variables " +
            "(ds_train, ds_info, ...) like the cells of one notebook; a stage that needs an earlier one runs it first and " +
            "says so (e.g. 'run prepare' runs collect first). Plots and reports go to the output folder, each path printed.")
    {
        stages.Description = $"Stages to run: {string.Join(", ", runner.Names)} (see '{ProgramCommand.Program} list')";
        stages.CompletionSources.Add([.. runner.Names]);
        stages.Validators.Add(result =>
        {
            if (result.Tokens.Select(t => t.Value).FirstOrDefault(name => !runner.Names.Contains(name)) is { } unknown)
                result.AddError($"unknown stage '{unknown}'. Valid stages: {string.Join(", ", runner.Names)}.");
        });
        // The notebook's epochs are declared with each training stage; the help lists them from there.
        epochs.Description = "Epochs for every training stage, 1 or more (default: the notebook's, " +
            string.Join(", ", runner.Stages.Where(s => s.Info.Epochs > 0).Select(s => $"{s.Info.Epochs} for {s.Info.Name}")) + ")";

        Add(stages);
        foreach (var option in new Option[] { dataDir, output, dataset, seed, epochs, limit, device }) Add(option);
        SetAction(result => Execute(result.GetValue(stages) ?? [], Bind(result), runner, terminal));
    }

    /// <inheritdoc/>
    public string HelpNotes => ProgramCommand.ExitCodeNotes;

    /// <summary>The options of a parsed <c>run</c> command line (one without errors).</summary>
    public RunOptions Bind(ParseResult result) => new()
    {
        DataDir = result.GetValue(dataDir),
        Output = result.GetValue(output)!,
        Dataset = result.GetValue(dataset)!,
        Seed = result.GetValue(seed),
        Epochs = result.GetValue(epochs),
        Limit = result.GetValue(limit),
        Device = result.GetValue(device)!,
    };

    static int Execute(IReadOnlyList<string> requested, RunOptions options, StageRunner runner, Terminal terminal)
    {
        // Everything that can fail fast does so before the first stage: a bad folder or device
        // should not surface after minutes of training.
        using var kernel = new Kernel();
        var plan = runner.Plan(requested, kernel);
        // Everything the libraries print (progress bars, summaries, warnings, downloads) goes to the terminal.
        using var libraryOutput = LibraryOutput.Use(new TerminalOutput(terminal));
        var created = OutputFolder.EnsureWritable(options.Output);
        RunRecorder? recorder = null;
        try
        {
            Engine.SetDevice(options.Device);
            // torch's generator (weights, dropout) and tf's global seed (every Dataset.shuffle), so a run repeats exactly.
            keras.utils.set_random_seed(options.Seed);

            terminal.Note(
                $"Abschnitte: {string.Join(" ", plan.Select(s => s.Stage.Info.Name))} | Datensatz {options.Dataset} | Seed {options.Seed} | " +
                $"Gerät {Engine.DeviceName} | Ausgabe {options.Output}" +
                (options.Limit is { } n ? $" | Limit {German.Number(n)}" : "") +
                (options.Epochs is { } e ? $" | Epochen {e}" : ""));

            // The recorder sees what the terminal shows and which stage and cell shows it, for the report.
            recorder = new RunRecorder(new RunRecord
            {
                // The report names the data folder the environment variable gave, and its repeat command passes it as
                // --data-dir, so the run can be repeated offline from the report alone.
                Options = options with { DataDir = options.DataDir ?? DataSourceOptions.FromEnvironment().EnvironmentDataDir },
                Requested = requested, Environment = RunEnvironment.Capture(), Started = DateTimeOffset.Now,
            });
            terminal.Tap = recorder;
            StageRunner.Run(plan, new Session(options, terminal, kernel, recorder));
            terminal.Tap = null;
            terminal.Note($"Bericht: {ReportFile.Write(recorder.Record, runner.Stages, options.Output)}");
        }
        catch
        {
            terminal.Tap = null;
            // A failed run that wrote files reports what ran, up to the error; one that wrote nothing leaves nothing behind.
            if (recorder is { FilesWritten: > 0, Record.Failed: not null })
                WriteFailedReport(recorder.Record, runner, options, terminal);
            OutputFolder.RemoveIfEmpty(created);
            throw;
        }
        return ExitCodes.Ok;
    }

    static void WriteFailedReport(RunRecord record, StageRunner runner, RunOptions options, Terminal terminal)
    {
        try
        {
            terminal.Note($"Bericht (bis zum Fehler): {ReportFile.Write(record, runner.Stages, options.Output)}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The stage's error is the one to report; a report that cannot be written is a footnote to it.
            terminal.Note($"Kein Bericht: {e.Message}");
        }
    }
}
