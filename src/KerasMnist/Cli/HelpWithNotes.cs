using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace KerasMnist.Cli;

/// <summary>A command whose <c>--help</c> ends with notes System.CommandLine has no section for (exit codes, environment).</summary>
public interface IHelpNotes
{
    /// <summary>The text printed after the generated help.</summary>
    string HelpNotes { get; }
}

/// <summary>
/// <c>--help</c>: System.CommandLine's help, generated from the command's declaration, followed by the command's
/// <see cref="IHelpNotes"/> when it has some. Asking for help never fails: it wins over errors on the same line.
/// </summary>
public sealed class HelpWithNotes(HelpAction generated) : SynchronousCommandLineAction
{
    /// <inheritdoc/>
    public override bool ClearsParseErrors => true;

    /// <inheritdoc/>
    public override int Invoke(ParseResult parseResult)
    {
        generated.Invoke(parseResult);
        if (parseResult.CommandResult.Command is IHelpNotes notes)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(notes.HelpNotes);
            parseResult.InvocationConfiguration.Output.WriteLine();
        }
        return ExitCodes.Ok;
    }
}
