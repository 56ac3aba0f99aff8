using KerasMnist.Tutorial;

namespace KerasMnist.Report;

/// <summary>
/// Records a run for its report while it runs: as the runner's <see cref="IRunObserver"/> it knows the stage and the
/// open notebook cell, as the terminal's <see cref="ITerminalTap"/> it receives everything shown, and files each
/// piece under its stage and place. Output outside any stage (the runner's own lines) is not part of the report.
/// Plots are read when they are saved, so a file a later stage overwrites still shows what this one drew.
/// </summary>
public sealed class RunRecorder(RunRecord record) : IRunObserver, ITerminalTap
{
    // Library text may arrive from prefetch threads while a stage prints.
    readonly Lock gate = new();
    StageRecord? stage;
    int? openCell;
    int? lastCell;

    /// <summary>What has been recorded so far.</summary>
    public RunRecord Record { get; } = record;

    /// <summary>How many files the stages have written to the output folder so far.</summary>
    public int FilesWritten { get; private set; }

    /// <inheritdoc/>
    public void StageStarted(Stage started, string? note)
    {
        lock (gate)
        {
            stage = new StageRecord(started.Info.Name) { Note = note };
            Record.Stages.Add(stage);
            (openCell, lastCell) = (null, null);
        }
    }

    /// <inheritdoc/>
    public void StageFinished(TimeSpan wallTime) => Stop(wallTime, null);

    /// <inheritdoc/>
    public void StageFailed(TimeSpan wallTime, Exception error) => Stop(wallTime, error.Message);

    void Stop(TimeSpan wallTime, string? error)
    {
        lock (gate)
        {
            if (stage is null) return;
            stage.WallTime = wallTime;
            stage.Error = error;
            if (error is not null) stage.Output.Add(new ErrorBlock(Place, error));
            stage = null;
        }
    }

    /// <inheritdoc/>
    public void CellStarted(int number)
    {
        lock (gate)
        {
            if (openCell is { } open)
                throw new InvalidOperationException($"In({number}); runs while In [{open}] is open: close it with End({open}); first.");
            openCell = number;
        }
    }

    /// <inheritdoc/>
    public void CellEnded(int number)
    {
        lock (gate)
        {
            if (openCell != number)
                throw new InvalidOperationException($"End({number}); runs but In [{number}] is not the open cell.");
            (openCell, lastCell) = (null, number);
        }
    }

    /// <inheritdoc/>
    public void Text(string text) => Append(TextKind.Printed, text);

    /// <inheritdoc/>
    public void Note(string text) => Append(TextKind.Note, text);

    /// <inheritdoc/>
    public void Markdown(string text) => Append(TextKind.Markdown, text);

    /// <inheritdoc/>
    public void Subheading(string title) => Append(TextKind.Subheading, title);

    /// <inheritdoc/>
    public void Table(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        lock (gate)
            stage?.Output.Add(new TableBlock(Place, [.. headers], [.. rows.Select(r => (IReadOnlyList<string>)[.. r])]));
    }

    /// <inheritdoc/>
    public void File(string path)
    {
        // Read outside the lock: a plot is a few hundred kilobytes at most.
        var png = path.EndsWith(".png", StringComparison.OrdinalIgnoreCase) && System.IO.File.Exists(path) ? System.IO.File.ReadAllBytes(path) : null;
        lock (gate)
        {
            FilesWritten++;
            stage?.Output.Add(new FileBlock(Place, path, png));
        }
    }

    OutputPlace Place => new(openCell, lastCell);

    // Lines of one kind at one place join the block before them: a cell's prints read as one output.
    void Append(TextKind kind, string text)
    {
        lock (gate)
        {
            if (stage is null) return;
            if (stage.Output.Count > 0 && stage.Output[^1] is TextBlock last && last.Kind == kind && last.Place == Place)
                last.Lines.Add(text);
            else
                stage.Output.Add(new TextBlock(Place, kind, [text]));
        }
    }
}
