using System.Text.RegularExpressions;

namespace KerasMnist.Tests.Fixtures;

/// <summary>Files of the checkout the tests run in (the build folder is inside it), and the notebook beside it.</summary>
public static class Checkout
{
    /// <summary>The folder holding KerasMnist.sln.</summary>
    public static readonly string Root = FindRoot();

    /// <summary>The notebook's text (../shared/reference/notebook.txt beside the checkout), or null when it is not there.</summary>
    public static string? Notebook
    {
        get
        {
            var path = Path.Combine(Root, "..", "shared", "reference", "notebook.txt");
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
    }

    /// <summary>The notebook has 21 code cells; for when the notebook itself is not beside the checkout.</summary>
    public const int NotebookCodeCells = 21;

    /// <summary>The notebook's code cells in order, each the text after its <c>In [None]:</c> up to the markdown after it; null without the notebook.</summary>
    public static IReadOnlyList<string>? NotebookCells =>
        Notebook?.Split("In [None]:").Skip(1).Select(cell => MarkdownAfterCode.Split(cell.ReplaceLineEndings("\n"), 2)[0]).ToList();

    // The text export does not mark where a code cell ends. Its markdown starts after a blank line with a capitalised
    // sentence (the cells' code never starts a line with a capital) or with a heading followed by a blank line or a
    // sentence; a comment in the code after a blank line is followed by more code or comments.
    static readonly Regex MarkdownAfterCode = new(@"\n\n(?:#+[ \u00a0][^\n]*\n(?:\n|[A-ZÄÖÜ])|[A-ZÄÖÜ])");

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "KerasMnist.sln"))) return dir.FullName;
        throw new InvalidOperationException("The tests run from a build folder inside the checkout; KerasMnist.sln was not found above it.");
    }
}
