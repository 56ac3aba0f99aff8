using KerasMnist.Tutorial;

namespace KerasMnist.Report;

/// <summary>
/// The C# of each notebook cell, read with <see cref="CellMarkers"/> from the stage files the program was built from
/// (embedded as resources, KerasMnist.csproj), so the report shows the code that ran.
/// </summary>
public static class StageSources
{
    /// <summary>A marked cell: the stage that runs it, its file in the checkout, and the cell (number, C#, line).</summary>
    public sealed record MarkedCell(Stage Stage, string File, CellMarkers.Cell Cell);

    /// <summary>The stage file's path in the checkout, e.g. <c>src/KerasMnist/Tutorial/Stages/ExploreStage.cs</c>.</summary>
    public static string FileOf(Type stageType) => $"src/KerasMnist/Tutorial/Stages/{stageType.Name}.cs";

    /// <summary>The source of <paramref name="stageType"/>'s file as built, or null for a stage outside Tutorial/Stages (a test's).</summary>
    public static string? Of(Type stageType) => EmbeddedText.Find($"KerasMnist.Stages.{stageType.Name}.cs");

    /// <summary>
    /// Every cell the files of <paramref name="stages"/> mark, in their order; <paramref name="source"/> gives a stage
    /// file's text (default: the embedded one).
    /// </summary>
    /// <exception cref="FormatException">A file breaks the marker rule; the message names the file and line.</exception>
    public static IReadOnlyList<MarkedCell> Cells(IEnumerable<Stage> stages, Func<Type, string?>? source = null)
    {
        var cells = new List<MarkedCell>();
        foreach (var stage in stages)
        {
            var text = (source ?? Of)(stage.GetType());
            if (text is null) continue;
            try
            {
                cells.AddRange(CellMarkers.Extract(text).Select(cell => new MarkedCell(stage, FileOf(stage.GetType()), cell)));
            }
            catch (FormatException e)
            {
                throw new FormatException($"{FileOf(stage.GetType())}: {e.Message}", e);
            }
        }
        return cells;
    }
}
