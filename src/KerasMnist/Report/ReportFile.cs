using KerasMnist.Tutorial;

namespace KerasMnist.Report;

/// <summary>Writes the report of a run as <c>report.html</c> in the output folder, whole or not at all.</summary>
public static class ReportFile
{
    /// <summary>The report's file name in the output folder.</summary>
    public const string FileName = "report.html";

    /// <summary>
    /// Renders <paramref name="record"/> over <paramref name="stages"/> (<see cref="ReportPage.Render"/>) and writes it to
    /// <c>report.html</c> in <paramref name="folder"/>, whole or not at all (<see cref="WholeFile"/>): a run that fails
    /// while writing leaves the earlier report or none, never half of one.
    /// </summary>
    /// <returns>The report's full path.</returns>
    /// <exception cref="IOException">The folder cannot be written.</exception>
    public static string Write(RunRecord record, IReadOnlyList<Stage> stages, string folder)
    {
        var html = ReportPage.Render(record, stages);
        var path = Path.GetFullPath(Path.Combine(folder, FileName));
        WholeFile.Write(path, html);
        return path;
    }
}
