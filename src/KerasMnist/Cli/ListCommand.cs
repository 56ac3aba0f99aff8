using System.CommandLine;
using KerasMnist.Tutorial;

namespace KerasMnist.Cli;

/// <summary><c>list</c>: the stages in notebook order as an aligned table.</summary>
public sealed class ListCommand : Command
{
    /// <summary>Declares <c>list</c>, which prints <paramref name="stages"/> to <paramref name="terminal"/>.</summary>
    public ListCommand(IReadOnlyList<Stage> stages, Terminal terminal)
        : base("list", "List the stages in notebook order: the name to use with 'run', the notebook's (German) section title, and what the stage does")
    {
        SetAction(_ => Execute(stages, terminal));
    }

    static int Execute(IReadOnlyList<Stage> stages, Terminal terminal)
    {
        terminal.Table(
            ["stage", "notebook section", "what it does"],
            stages.Select(s => (IReadOnlyList<string>)[s.Info.Name, s.Info.Heading, Summary(s.Info)]));
        terminal.WriteLine();
        terminal.WriteLine($"Run one with '{ProgramCommand.Program} run STAGE' (the stages it needs run first), all with '{ProgramCommand.Program} run'.");
        return ExitCodes.Ok;
    }

    /// <summary>The stage's summary, with the epochs the notebook trains for when it trains.</summary>
    public static string Summary(StageAttribute stage) => stage.Epochs > 0 ? $"{stage.Summary}; {stage.Epochs} epochs" : stage.Summary;
}
