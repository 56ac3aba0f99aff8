namespace KerasMnist.Tests.Fixtures;

/// <summary>Files of the checkout the tests run in (the build folder is inside it), and the notebook.</summary>
public static class Checkout
{
    /// <summary>The folder holding KerasMnist.sln.</summary>
    public static readonly string Root = FindRoot();

    /// <summary>The notebook's text, as the program embeds it (src/KerasMnist/Report/notebook.txt).</summary>
    public static string Notebook => File.ReadAllText(Path.Combine(Root, "src", "KerasMnist", "Report", "notebook.txt"));

    /// <summary>The notebook has 21 code cells.</summary>
    public const int NotebookCodeCells = 21;

    /// <summary>The notebook's code cells in order, as the program reads them (<see cref="KerasMnist.Report.Notebook"/>).</summary>
    public static IReadOnlyList<string> NotebookCells => KerasMnist.Report.Notebook.Tutorial.CodeCells.Select(c => c.Source).ToList();

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "KerasMnist.sln"))) return dir.FullName;
        throw new InvalidOperationException("The tests run from a build folder inside the checkout; KerasMnist.sln was not found above it.");
    }
}
