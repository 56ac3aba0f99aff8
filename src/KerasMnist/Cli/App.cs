using System.CommandLine;
using KerasMnist.Tutorial;

namespace KerasMnist.Cli;

/// <summary>
/// The program: parses the command line (<see cref="ProgramCommand"/>), runs the command it names, and turns
/// every failure into <c>error: message</c> on standard error with the right exit code.
/// </summary>
public static class App
{
    /// <summary>Set to 1 to print stack traces of errors.</summary>
    public const string DebugVariable = "KERASMNIST_DEBUG";

    /// <summary>Runs the program with <paramref name="args"/>, printing to <paramref name="terminal"/>; returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args, Terminal terminal)
    {
        try
        {
            // The stages' declarations are checked here, at every start: a wrong one fails before anything runs.
            var program = new ProgramCommand(new StageRunner(StageRegistry.Create()), terminal);
            var result = program.Parse(args);
            // Asking for help never fails, whatever else the line holds.
            if (result.Action is not HelpWithNotes && UsageError.Find(result) is { } error)
            {
                terminal.Fail(error.Message);
                var command = error.Command is null ? ProgramCommand.Program : $"{ProgramCommand.Program} {error.Command.Name}";
                terminal.Error.WriteLine($"Run '{command} --help' for usage.");
                return ExitCodes.Usage;
            }
            return result.Invoke(new InvocationConfiguration
            {
                Output = terminal.Out,
                Error = terminal.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception e)
        {
            Report(e, terminal);
            return ExitCodes.Failure;
        }
    }

    static void Report(Exception e, Terminal terminal)
    {
        var shown = e is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : e;
        var cause = shown is StageFailedException failed ? failed.InnerException! : shown;
        // Library errors (DatasetException, IOException, InvalidOperationException, ...) carry a message written
        // for the user; these runtime faults only ever mean a bug, and their message alone helps nobody.
        var expected = cause is not (NullReferenceException or IndexOutOfRangeException or InvalidCastException
            or KeyNotFoundException or NotImplementedException or ArithmeticException);
        terminal.Fail(expected ? shown.Message : $"{shown.Message} ({cause.GetType().Name})");
        if (Environment.GetEnvironmentVariable(DebugVariable) is "1" or "true")
            terminal.Error.WriteLine(e);
        else if (!expected)
            terminal.Error.WriteLine($"This looks like a bug; set {DebugVariable}=1 to see the stack trace.");
    }
}
