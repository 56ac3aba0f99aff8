namespace KerasMnist.Tutorial;

/// <summary>
/// Follows a run as it happens: which stage runs, which notebook cell is open, how long each stage took and how a
/// failed one failed. The report of the run (Report/RunRecorder.cs) is built from this and the terminal's
/// <see cref="ITerminalTap"/>. Calls come from the thread running the stages, in order.
/// </summary>
public interface IRunObserver
{
    /// <summary><paramref name="stage"/> starts; <paramref name="note"/> is the runner's note before it (why it runs as a prerequisite), if any.</summary>
    void StageStarted(Stage stage, string? note);

    /// <summary>The running stage finished after <paramref name="wallTime"/>.</summary>
    void StageFinished(TimeSpan wallTime);

    /// <summary>The running stage failed after <paramref name="wallTime"/> with <paramref name="error"/> (the cause, unwrapped).</summary>
    void StageFailed(TimeSpan wallTime, Exception error);

    /// <summary>The stage opens notebook code cell <paramref name="number"/> (<c>In(n);</c>).</summary>
    /// <exception cref="InvalidOperationException">A cell is already open.</exception>
    void CellStarted(int number);

    /// <summary>The stage closes notebook code cell <paramref name="number"/> (<c>End(n);</c>).</summary>
    /// <exception cref="InvalidOperationException"><paramref name="number"/> is not the open cell.</exception>
    void CellEnded(int number);
}
