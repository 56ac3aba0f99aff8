using KerasMnist.Tutorial;

namespace KerasMnist.Cli;

/// <summary><c>list</c>: the stages in notebook order as an aligned table.</summary>
public static class ListCommand
{
    /// <summary>Prints the table of <paramref name="stages"/>.</summary>
    public static int Execute(IReadOnlyList<Stage> stages, Terminal terminal)
    {
        terminal.Table(
            ["stage", "notebook section", "what it does"],
            stages.Select(s => (IReadOnlyList<string>)[s.Info.Name, s.Info.Heading, s.Info.Summary]));
        terminal.WriteLine();
        terminal.WriteLine($"Run one with '{HelpText.Program} run STAGE' (the stages it needs run first), all with '{HelpText.Program} run'.");
        return ExitCodes.Ok;
    }
}
