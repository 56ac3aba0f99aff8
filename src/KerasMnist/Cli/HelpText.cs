using System.Reflection;
using KerasMnist.Keras.Backend;
using KerasMnist.Tutorial;

namespace KerasMnist.Cli;

/// <summary>The texts of <c>--help</c> (program, <c>list</c>, <c>run</c>) and <c>--version</c>.</summary>
public static class HelpText
{
    /// <summary>The program's name as users type it.</summary>
    public const string Program = "KerasMnist";

    /// <summary>The help of <paramref name="command"/>, or the program's usage when it is null.</summary>
    public static string For(string? command, IReadOnlyList<string> stageNames) => command switch
    {
        "list" => List,
        "run" => Run(stageNames),
        _ => Usage,
    };

    /// <summary>The program's usage.</summary>
    public static string Usage => $"""
        {Program}: the German Keras MNIST tutorial notebook, ported to C# on TorchSharp.

        Usage:
          {Program} list                       List the stages in notebook order
          {Program} run [STAGE...] [options]   Run stages (all of them when none is given)
          {Program} help [COMMAND]             Show a command's help (same as COMMAND --help)
          {Program} --version                  Show the version
          {Program} --help                     Show this help

        Run '{Program} run --help' for the options (data folder, output folder, epochs, ...).
        """;

    /// <summary>The help of <c>list</c>.</summary>
    public static string List => $"""
        Usage: {Program} list

        Lists the tutorial's stages in notebook order: the name to use with 'run', the notebook's
        (German) section title, and one line on what the stage does.

        Options:
          -h, --help   Show this help
        """;

    /// <summary>The help of <c>run</c>, listing <paramref name="stageNames"/>.</summary>
    public static string Run(IReadOnlyList<string> stageNames)
    {
        var rows = RunOptionSpec.All.Select(o => (o.Name + " " + o.ValueName, o.Help)).Append(("-h, --help", "Show this help")).ToList();
        var width = rows.Max(r => r.Item1.Length);
        var options = string.Join(Environment.NewLine, rows.Select(r => $"  {r.Item1.PadRight(width)}  {Wrap(r.Item2, width + 4)}"));
        return $"""
            Usage: {Program} run [STAGE...] [options]

            Runs the given stages in notebook order, or all stages when none is given. Stages share
            their variables (ds_train, ds_info, ...) like the cells of one notebook; a stage that needs
            an earlier one runs it first and says so (e.g. 'run prepare' runs collect first).
            Plots and reports go to the output folder, each path printed.

            Stages: {string.Join(", ", stageNames)}   (see '{Program} list')

            Options (also as --name=value):
            {options}

            Exit codes: 0 done, 1 run failed (e.g. missing data, unwritable output folder),
            2 wrong command line. Set KERASMNIST_DEBUG=1 to see stack traces of errors.
            """;
    }

    // Help lines wrap at 100 columns, continuing under the text so the option names stay a clean column.
    static string Wrap(string text, int indent, int columns = 100)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && indent + line.Length + 1 + word.Length > columns)
            {
                lines.Add(line);
                line = "";
            }
            line = line.Length == 0 ? word : line + " " + word;
        }
        lines.Add(line);
        return string.Join(Environment.NewLine + new string(' ', indent), lines);
    }

    /// <summary>The <c>--version</c> line: this program's version and the engine's binding.</summary>
    public static string Version
    {
        get
        {
            var version = typeof(HelpText).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            // The SDK appends "+<commit>"; a short commit is enough to tell builds apart.
            var parts = version.Split('+');
            var commit = parts.Length > 1 ? $" (commit {parts[1][..Math.Min(7, parts[1].Length)]})" : "";
            return $"{Program} {parts[0]}{commit}, TorchSharp {Engine.TorchSharpVersion}";
        }
    }
}
