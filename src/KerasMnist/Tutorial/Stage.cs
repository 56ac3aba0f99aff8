namespace KerasMnist.Tutorial;

/// <summary>
/// One section of the notebook: its markdown and code cells as one runnable step. A stage declares its
/// metadata once with <see cref="StageAttribute"/>; <see cref="Run"/> does what the section's cells do, in
/// the same order and with the same names. The helpers stage code calls unqualified, as a cell calls
/// Python's built-ins, are split by concern: the kernel's variables (Stage.Variables.cs), printing
/// (Stage.Output.cs), figures and output files (Stage.Figures.cs), training (Stage.Training.cs).
/// </summary>
public abstract partial class Stage
{
    /// <summary>Reads the class's <see cref="StageAttribute"/>: a stage without one fails when the program starts.</summary>
    protected Stage() => Info = StageAttribute.Of(GetType());

    /// <summary>The stage's metadata: name, title, summary, needs, the notebook's epochs.</summary>
    public StageAttribute Info { get; }

    Session? session;

    /// <summary>The run this stage is executing in; only valid inside <see cref="Run"/>.</summary>
    protected Session Session => session ?? throw new InvalidOperationException($"Stage '{Info.Name}' is not running.");

    /// <summary>The run's options (<c>--epochs</c>, <c>--limit</c>, ...).</summary>
    protected RunOptions Options => Session.Options;

    internal void Execute(Session running)
    {
        session = running;
        try { Run(); }
        finally { session = null; }
    }

    /// <summary>The section's cells.</summary>
    protected abstract void Run();
}
