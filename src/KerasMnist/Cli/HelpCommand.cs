using System.CommandLine;
using System.CommandLine.Parsing;

namespace KerasMnist.Cli;

/// <summary><c>help [COMMAND]</c>: the same as <c>COMMAND --help</c>, or the program's usage without a command.</summary>
public sealed class HelpCommand : Command
{
    readonly Argument<string?> command = new("COMMAND")
    {
        Description = "The command whose help to show",
        Arity = ArgumentArity.ZeroOrOne,
    };

    /// <summary>Declares <c>help</c>; the commands it knows are its siblings under the program.</summary>
    public HelpCommand() : base("help", "Show a command's help (same as COMMAND --help)")
    {
        Add(command);
        command.Validators.Add(result =>
        {
            var name = result.GetValueOrDefault<string?>();
            var commands = Siblings(result);
            if (name is not null && !commands.Contains(name))
                result.AddError($"'help' takes one command, {string.Join(", ", commands[..^1])} or {commands[^1]} (got '{name}').");
        });
        SetAction(result =>
        {
            var program = (ProgramCommand)result.RootCommandResult.Command;
            var name = result.GetValue(command);
            return program.Parse(name is null ? ["--help"] : [name, "--help"]).Invoke(result.InvocationConfiguration);
        });
    }

    static List<string> Siblings(SymbolResult result)
    {
        while (result.Parent is not null) result = result.Parent;
        return ((CommandResult)result).Command.Subcommands.Where(c => c is not HelpCommand && !c.Hidden).Select(c => c.Name).ToList();
    }
}
