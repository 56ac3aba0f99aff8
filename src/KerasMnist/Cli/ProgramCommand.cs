using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Reflection;
using KerasMnist.Keras.Backend;
using KerasMnist.Tutorial;

namespace KerasMnist.Cli;

/// <summary>
/// The program's command line, declared with System.CommandLine: <c>KerasMnist</c> with its commands, each a
/// class in Cli/ whose declaration is its parser, its <c>--help</c> and its validation. Adding a command is its
/// class plus one line in the constructor below; options several commands take are in <see cref="SharedOptions"/>.
/// </summary>
public sealed class ProgramCommand : Command, IHelpNotes
{
    /// <summary>The program's name as users type it.</summary>
    public const string Program = "KerasMnist";

    // No @response files: a stage or folder name starting with @ means itself.
    static readonly ParserConfiguration Configuration = new() { ResponseFileTokenReplacer = null };

    /// <summary>The command line of a program that runs <paramref name="runner"/>'s stages and prints to <paramref name="terminal"/>.</summary>
    public ProgramCommand(StageRunner runner, Terminal terminal)
        : base(Program, "The German Keras MNIST tutorial notebook, ported to C# on TorchSharp.")
    {
        Add(new ListCommand(runner.Stages, terminal));
        Add(new RunCommand(runner, terminal));
        Add(new EvaluateCommand(terminal));
        Add(new PredictCommand(terminal));
        Add(new HelpCommand());
        Add(new SideBySideCommand(runner.Stages, terminal));

        // Help wraps at 100 columns, as a terminal or a log shows it, whatever width the console reports.
        var showHelp = new HelpWithNotes(new HelpAction { MaxWidth = 100 });
        Add(new HelpOption { Action = showHelp });
        Add(new VersionOption { Action = new PrintVersion() });
        // Without a command the program shows its usage. (Not as the help action itself: that one clears
        // parse errors, and an unknown command must stay an error.)
        SetAction(showHelp.Invoke);
    }

    /// <inheritdoc/>
    public string HelpNotes => $"""
        Run '{Program} COMMAND --help' for a command's options, e.g. '{Program} run --help'.

        {ExitCodeNotes}
        """;

    /// <summary>What the exit codes mean; every command's help that can fail says it.</summary>
    public static string ExitCodeNotes => """
        Exit codes: 0 done, 1 run failed (e.g. missing data, unwritable output folder, damaged
        model or image file), 2 wrong command line. Set KERASMNIST_DEBUG=1 to see stack traces of errors.
        """;

    /// <summary>Parses <paramref name="args"/> against these commands.</summary>
    public ParseResult Parse(IReadOnlyList<string> args) => Parse(args, Configuration);

    /// <summary>The <c>--version</c> line: this program's version and the engine's binding.</summary>
    public static string Version
    {
        get
        {
            var version = typeof(ProgramCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            // The SDK appends "+<commit>"; a short commit is enough to tell builds apart.
            var parts = version.Split('+');
            var commit = parts.Length > 1 ? $" (commit {parts[1][..Math.Min(7, parts[1].Length)]})" : "";
            return $"{Program} {parts[0]}{commit}, TorchSharp {Engine.TorchSharpVersion}";
        }
    }

    sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Version);
            return ExitCodes.Ok;
        }
    }
}
