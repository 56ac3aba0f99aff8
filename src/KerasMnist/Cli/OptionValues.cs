using System.CommandLine.Parsing;
using System.Globalization;

namespace KerasMnist.Cli;

/// <summary>
/// The rules option values follow, as System.CommandLine custom parsers: each checks the one token an option
/// got and reports what was wrong and what is allowed, so every option with the same kind of value says the
/// same thing. A value that breaks a rule makes the command line wrong (exit code 2).
/// </summary>
public static class OptionValues
{
    /// <summary>A whole number, <paramref name="min"/> or more: <c>--epochs must be a whole number, 1 or more (got 'ten').</c></summary>
    public static Func<ArgumentResult, int> WholeNumber(int min) => result =>
    {
        var value = Value(result);
        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min) return n;
        result.AddError($"{OptionName(result)} must be a whole number, {min} or more (got '{value}').");
        return min;
    };

    /// <summary>Like <see cref="WholeNumber"/>, for options that are absent unless given.</summary>
    public static Func<ArgumentResult, int?> OptionalWholeNumber(int min)
    {
        var parse = WholeNumber(min);
        return result => parse(result);
    }

    /// <summary>One of <paramref name="valid"/>, exactly: <c>--dataset must be one of: mnist, fashion_mnist (got 'foo').</c></summary>
    public static Func<ArgumentResult, string> OneOf(IReadOnlyList<string> valid) => result =>
    {
        var value = Value(result);
        if (valid.Contains(value)) return value;
        result.AddError($"{OptionName(result)} must be one of: {string.Join(", ", valid)} (got '{value}').");
        return valid[0];
    };

    /// <summary>A folder name that is more than blanks; the folder need not exist (it is created when written to).</summary>
    public static string FolderName(ArgumentResult result)
    {
        var value = Value(result);
        if (value.Trim().Length == 0) result.AddError($"{OptionName(result)} needs a folder name (got '{value}').");
        return value;
    }

    /// <summary>A folder that exists: a folder to read from that is not there is a typo, not a reason to download.</summary>
    public static string? ExistingFolder(ArgumentResult result)
    {
        var value = FolderName(result);
        if (value.Trim().Length == 0) return value;
        if (File.Exists(value))
            result.AddError($"{OptionName(result)} '{value}' is a file, not a folder: give the folder that holds the dataset's files.");
        else if (!Directory.Exists(value))
            result.AddError($"{OptionName(result)} '{value}' does not exist. Give the folder that holds the dataset's files " +
                $"(e.g. train-images-idx3-ubyte.gz), or leave {OptionName(result)} out to use $KERASMNIST_DATA_DIR, the user cache " +
                "or a download.");
        return value;
    }

    /// <summary>
    /// A file that exists, for an argument naming one file to read (<c>MODEL</c>): a path that is not there, or is a
    /// folder, is a typo the user fixes on the command line. <paramref name="example"/> ends the message, e.g.
    /// <c>a .keras or .h5 model file such as output/cnn.keras</c>.
    /// </summary>
    public static Func<ArgumentResult, string> ExistingFile(string example) => result =>
    {
        var value = Value(result);
        CheckFile(result, value, example);
        return value;
    };

    /// <summary>Like <see cref="ExistingFile"/> for an argument taking one or more files (<c>IMAGE...</c>): every one must exist.</summary>
    public static Func<ArgumentResult, string[]> ExistingFiles(string example) => result =>
    {
        var values = result.Tokens.Select(t => t.Value).ToArray();
        foreach (var value in values)
            if (!CheckFile(result, value, example)) break;
        return values;
    };

    static bool CheckFile(ArgumentResult result, string value, string example)
    {
        if (File.Exists(value)) return true;
        result.AddError(Directory.Exists(value)
            ? $"{OptionName(result)} '{value}' is a folder, not a file. Give {example}."
            : $"{OptionName(result)} '{value}' does not exist. Give {example}.");
        return false;
    }

    // The parser runs only when the option got its token; a missing one is reported by UsageError.
    static string Value(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";

    static string OptionName(ArgumentResult result) => result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
}
