namespace KerasMnist.Tutorial;

// The notebook's code cells as statements: In(n); opens cell n and End(n); closes it. The lines between them are
// the cell's C# (CellMarkers reads them from the source); running them tells the run's observer (the report)
// which cell printed or plotted what.
public abstract partial class Stage
{
    /// <summary>Opens the notebook's code cell <paramref name="number"/> (its n-th <c>In [ ]:</c>): what the stage prints until <see cref="End"/> is that cell's output.</summary>
    /// <exception cref="InvalidOperationException">Another cell is still open (the markers break CellMarkers' rule).</exception>
    protected void In(int number) => Session.Observer?.CellStarted(number);

    /// <summary>Closes the notebook's code cell <paramref name="number"/>, opened by <see cref="In"/>.</summary>
    /// <exception cref="InvalidOperationException">Cell <paramref name="number"/> is not the open one.</exception>
    protected void End(int number) => Session.Observer?.CellEnded(number);
}
