namespace KerasMnist.Cli;

/// <summary>
/// The hand-written parser for <c>KerasMnist [list | run [STAGE...] [options] | help [COMMAND]]</c>.
/// Small enough that a package would add more than it saves; errors throw <see cref="UsageException"/>.
/// </summary>
public static class CommandLine
{
    /// <summary>The commands, in the order the usage lists them.</summary>
    public static readonly IReadOnlyList<string> Commands = ["list", "run", "help"];

    static readonly string[] HelpFlags = ["--help", "-h"];

    /// <summary>Parses <paramref name="args"/>; <paramref name="stageNames"/> are the valid stages of <c>run</c>.</summary>
    public static Invocation Parse(IReadOnlyList<string> args, IReadOnlyList<string> stageNames)
    {
        if (args.Count == 0 || HelpFlags.Contains(args[0])) return new Invocation { Help = true };
        if (args[0] == "--version") return new Invocation { Version = true };

        var rest = args.Skip(1).ToList();
        return args[0] switch
        {
            "list" => ParseList(rest),
            "run" => ParseRun(rest, stageNames),
            "help" => ParseHelp(rest),
            var first when first.StartsWith('-') => throw UnknownTopLevelOption(first),
            var first => throw UnknownCommand(first, stageNames),
        };
    }

    static Invocation ParseList(List<string> args)
    {
        if (args.Any(HelpFlags.Contains)) return new Invocation { Command = "list", Help = true };
        if (args.Count > 0)
            throw new UsageException($"'list' takes no arguments (got '{args[0]}'). Valid options: --help.", "list");
        return new Invocation { Command = "list" };
    }

    static Invocation ParseHelp(List<string> args) => args switch
    {
        [] => new Invocation { Help = true },
        ["list" or "run"] => new Invocation { Command = args[0], Help = true },
        _ => throw new UsageException($"'help' takes one command, list or run (got '{string.Join(" ", args)}')."),
    };

    static Invocation ParseRun(List<string> args, IReadOnlyList<string> stageNames)
    {
        // --help wins over everything else, as in most CLIs: asking for help should never fail.
        if (args.Any(HelpFlags.Contains)) return new Invocation { Command = "run", Help = true };

        var options = new Tutorial.RunOptions();
        var stages = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith('-'))
            {
                stages.Add(stageNames.Contains(arg) ? arg : throw UnknownStage(arg, stageNames));
                continue;
            }

            // Both "--epochs 3" and "--epochs=3".
            var eq = arg.IndexOf('=');
            var name = eq > 0 ? arg[..eq] : arg;
            var spec = RunOptionSpec.Find(name)
                ?? throw new UsageException($"unknown option '{name}' for 'run'. Valid options: {RunOptionSpec.Names}.", "run");
            string value;
            if (eq > 0) value = arg[(eq + 1)..];
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--")) value = args[++i];
            else throw new UsageException($"{name} needs a value: {name} {spec.ValueName}.", "run");
            options = spec.Apply(options, value);
        }
        return new Invocation { Command = "run", Stages = stages, Options = options };
    }

    static UsageException UnknownStage(string name, IReadOnlyList<string> stageNames) =>
        new($"unknown stage '{name}'. Valid stages: {string.Join(", ", stageNames)}.", "run");

    static UsageException UnknownTopLevelOption(string name) =>
        RunOptionSpec.Find(name.Split('=')[0]) is not null
            ? new($"{name.Split('=')[0]} is an option of 'run': put it after the command, e.g. KerasMnist run {name} ...")
            : new($"unknown option '{name}'. Valid options: --help, --version (run's options go after 'run').");

    static UsageException UnknownCommand(string name, IReadOnlyList<string> stageNames) =>
        stageNames.Contains(name)
            ? new($"unknown command '{name}'. Valid commands: {string.Join(", ", Commands)}. To run that stage: KerasMnist run {name}")
            : new($"unknown command '{name}'. Valid commands: {string.Join(", ", Commands)}.");
}
