using KerasMnist.Tutorial;

namespace KerasMnist.Cli;

/// <summary>
/// The program: parses the command line, dispatches to <c>list</c> or <c>run</c>, and turns every
/// failure into <c>error: message</c> on standard error with the right exit code.
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
            var runner = new StageRunner(StageRegistry.Create());
            var invocation = CommandLine.Parse(args, runner.Names);
            if (invocation.Version)
            {
                terminal.WriteLine(HelpText.Version);
                return ExitCodes.Ok;
            }
            if (invocation.Help)
            {
                terminal.WriteLine(HelpText.For(invocation.Command, runner.Names));
                return ExitCodes.Ok;
            }
            return invocation.Command switch
            {
                "list" => ListCommand.Execute(runner.Stages, terminal),
                "run" => RunCommand.Execute(invocation, runner, terminal),
                _ => throw new InvalidOperationException($"No handler for command '{invocation.Command}'."),
            };
        }
        catch (UsageException e)
        {
            terminal.Fail(e.Message);
            terminal.Error.WriteLine($"Run '{HelpText.Program}{(e.Command is null ? "" : " " + e.Command)} --help' for usage.");
            return ExitCodes.Usage;
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
