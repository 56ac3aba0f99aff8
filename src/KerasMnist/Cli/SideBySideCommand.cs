using System.CommandLine;
using KerasMnist.Report;
using KerasMnist.Tutorial;

namespace KerasMnist.Cli;

/// <summary>
/// <c>side-by-side GUIDE</c> (hidden, for maintainers): writes docs/side-by-side.md from the notebook and the stage
/// files built into the program, with the notes file beside it (<c>side-by-side-notes.md</c>). A test fails when the
/// committed guide differs from what this writes.
/// </summary>
public sealed class SideBySideCommand : Command
{
    readonly Argument<string> guide = new("GUIDE") { Description = "The guide to write, e.g. docs/side-by-side.md; its notes are read from <name>-notes.md beside it" };

    /// <summary>Declares the command over <paramref name="stages"/> (notebook order), reporting to <paramref name="terminal"/>.</summary>
    public SideBySideCommand(IReadOnlyList<Stage> stages, Terminal terminal)
        : base("side-by-side", "Write the side-by-side guide (docs/side-by-side.md) from the notebook, the stage files and the notes file beside it")
    {
        Hidden = true;
        Add(guide);
        SetAction(result => Execute(result.GetValue(guide)!, stages, terminal));
    }

    /// <summary>The notes file of <paramref name="guidePath"/>: <c>side-by-side-notes.md</c> beside <c>side-by-side.md</c>.</summary>
    public static string NotesOf(string guidePath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(guidePath))!, Path.GetFileNameWithoutExtension(guidePath) + "-notes.md");

    static int Execute(string path, IReadOnlyList<Stage> stages, Terminal terminal)
    {
        var notes = NotesOf(path);
        if (!File.Exists(notes))
            throw new FileNotFoundException($"the notes file '{notes}' does not exist; the guide is generated from it (run this in the checkout).");
        var markdown = SideBySideGuide.Generate(File.ReadAllText(notes), stages);
        WholeFile.Write(path, markdown);
        terminal.WriteLine($"-> {path}");
        return ExitCodes.Ok;
    }
}
