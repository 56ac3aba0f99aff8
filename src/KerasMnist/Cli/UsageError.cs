using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Parsing;

namespace KerasMnist.Cli;

/// <summary>
/// What was wrong with a command line, as one message that names the mistake and the valid choices, and the
/// command whose <c>--help</c> to read. The rules' own errors (<see cref="OptionValues"/>, validators) are
/// already written that way; this turns the structural cases System.CommandLine reports generically (a token
/// no command takes, an option without its value) into the same kind of message, for every command alike.
/// </summary>
/// <param name="Message">The message, e.g. <c>unknown option '--epoch' for 'run'. Valid options: ...</c>.</param>
/// <param name="Command">The command to point the user at, or null for the program's own usage.</param>
public sealed record UsageError(string Message, Command? Command)
{
    /// <summary>The first mistake in <paramref name="result"/>, or null when the command line is fine.</summary>
    public static UsageError? Find(ParseResult result)
    {
        var tokens = result.Tokens;
        var firstCommand = tokens.ToList().FindIndex(t => t.Type == TokenType.Command);
        var afterDoubleDash = tokens.SkipWhile(t => t.Type != TokenType.DoubleDash).ToHashSet();
        var command = result.CommandResult.Command;
        var program = result.RootCommandResult.Command;

        // 1. Before the command: an option of a command given too early, an unknown option or command.
        foreach (var token in tokens.Take(firstCommand < 0 ? tokens.Count : firstCommand))
            if (token.Type == TokenType.Argument && result.UnmatchedTokens.Contains(token.Value))
                return BeforeCommand(token.Value, program);

        // 2. An option without its value ("--epochs" at the end, or "--output --seed 1").
        foreach (var option in result.CommandResult.Children.OfType<OptionResult>())
            if (option.Option.Arity.MinimumNumberOfValues > 0 && !option.Implicit &&
                (option.Tokens.Count == 0 || option.Tokens.Any(t => t.Value.StartsWith("--", StringComparison.Ordinal) && !afterDoubleDash.Contains(t))))
                return new($"{option.Option.Name} needs a value: {option.Option.Name} {option.Option.HelpName}.", command);

        // 3. An unknown option: left over, or taken as a value of the command's arguments (as STAGE takes any word).
        var unknownOption = result.UnmatchedTokens.FirstOrDefault(t => t.StartsWith('-'))
            ?? result.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens)
                .FirstOrDefault(t => t.Value.StartsWith('-') && !afterDoubleDash.Contains(t))?.Value;
        if (unknownOption is not null)
            return new($"unknown option '{Name(unknownOption)}' for '{command.Name}'. Valid options: {Options(command)}.", command);

        // 4. A word the command takes no argument for.
        if (result.UnmatchedTokens.FirstOrDefault() is { } extra)
            return new(command.Arguments.Count == 0
                ? $"'{command.Name}' takes no arguments (got '{extra}'). Valid options: {Options(command)}."
                : $"'{command.Name}' got one argument too many: '{extra}'. Usage: {ProgramCommand.Program} {command.Name} {string.Join(" ", command.Arguments.Select(a => a.Name))} [options].", command);

        // 5. A required argument left out (System.CommandLine says only "Required argument missing for command").
        var given = result.CommandResult.Children.OfType<ArgumentResult>().Where(a => a.Tokens.Count > 0).Select(a => a.Argument).ToHashSet();
        if (command.Arguments.FirstOrDefault(a => a.Arity.MinimumNumberOfValues > 0 && !given.Contains(a)) is { } missing)
            return new($"'{command.Name}' needs {missing.Name}. Usage: {ProgramCommand.Program} {command.Name} " +
                $"{string.Join(" ", command.Arguments.Select(a => a.Arity.MaximumNumberOfValues > 1 ? a.Name + "..." : a.Name))} [options].", command);

        // 6. A value a rule rejected (our own messages), or whatever else the parser found.
        return result.Errors.Count == 0 ? null : new(result.Errors[0].Message, command == program ? null : command);
    }

    static UsageError BeforeCommand(string token, Command program)
    {
        // Hidden commands are not offered.
        var commands = program.Subcommands.Where(c => !c.Hidden).ToList();
        if (token.StartsWith('-'))
        {
            var name = Name(token);
            return commands.FirstOrDefault(c => c.Options.Any(o => o.Name == name)) is { } owner
                ? new($"{name} is an option of '{owner.Name}': put it after the command, e.g. {ProgramCommand.Program} {owner.Name} {token} ...", owner)
                : new($"unknown option '{name}'. Valid options: {Options(program)} (a command's options go after the command).", null);
        }
        var message = $"unknown command '{token}'. Valid commands: {string.Join(", ", commands.Select(c => c.Name))}.";
        // A stage typed as a command: say how to run it (any command whose argument suggests the word).
        var taker = commands.FirstOrDefault(c => c.Arguments.Any(a => a.GetCompletions(CompletionContext.Empty).Any(s => s.Label == token)));
        return new(taker is null ? message : $"{message} To run that {taker.Arguments[0].Name.ToLowerInvariant()}: {ProgramCommand.Program} {taker.Name} {token}", null);
    }

    static string Options(Command command) => string.Join(", ", command.Options.Where(o => o is not System.CommandLine.Help.HelpOption).Select(o => o.Name).Append("--help"));

    // "--epochs=3" and "--epochs:3" name the option "--epochs".
    static string Name(string token) => token.Split('=', ':')[0];
}
