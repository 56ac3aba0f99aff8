using System.CommandLine;
using KerasMnist.Report;
using KerasMnist.Tutorial;

namespace KerasMnist.Cli;

/// <summary>
/// <c>side-by-side GUIDE [--notes FILE]</c> (for maintainers): writes docs/side-by-side.md from the notebook and the
/// stage files built into the program, with the hand-written notes (by default <c>side-by-side-notes.md</c> beside the
/// guide). A test fails when the committed guide differs from what this writes.
/// </summary>
public sealed class SideBySideCommand : Command
{
    readonly Argument<string> guide = new("GUIDE") { Description = "The guide to write, e.g. docs/side-by-side.md" };
    readonly Option<string?> notes = new("--notes")
    {
        Description = "The hand-written notes per cell (default: <GUIDE name>-notes.md beside GUIDE, i.e. docs/side-by-side-notes.md)",
        HelpName = "FILE",
    };

    /// <summary>Declares the command over <paramref name="stages"/> (notebook order), reporting to <paramref name="terminal"/>.</summary>
    public SideBySideCommand(IReadOnlyList<Stage> stages, Terminal terminal)
        : base("side-by-side", "For maintainers: write the side-by-side guide (docs/side-by-side.md) from the notebook, " +
            "the stage files and the notes; run it in the checkout after changing a stage or a note")
    {
        Add(guide);
        Add(notes);
        SetAction(result => Execute(result.GetValue(guide)!, result.GetValue(notes), stages, terminal));
    }

    /// <summary>The notes file of <paramref name="guidePath"/>: <c>side-by-side-notes.md</c> beside <c>side-by-side.md</c>.</summary>
    public static string NotesOf(string guidePath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(guidePath))!, Path.GetFileNameWithoutExtension(guidePath) + "-notes.md");

    static int Execute(string path, string? notesPath, IReadOnlyList<Stage> stages, Terminal terminal)
    {
        var notes = notesPath ?? NotesOf(path);
        if (!File.Exists(notes))
            throw new FileNotFoundException($"the notes file '{notes}' does not exist; the guide is generated from it " +
                "(run this in the checkout, or name the notes with --notes docs/side-by-side-notes.md).");
        var markdown = SideBySideGuide.Generate(File.ReadAllText(notes), stages);
        WholeFile.Write(path, markdown);
        terminal.WriteLine($"-> {path}");
        return ExitCodes.Ok;
    }
}
