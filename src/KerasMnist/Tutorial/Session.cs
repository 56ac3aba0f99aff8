namespace KerasMnist.Tutorial;

/// <summary>One run of the tutorial: its options, where it prints, the kernel the stages share, and who follows it.</summary>
public sealed class Session(RunOptions options, Terminal terminal, Kernel kernel, IRunObserver? observer = null)
{
    /// <summary>The validated command-line options.</summary>
    public RunOptions Options { get; } = options;

    /// <summary>Where stages print.</summary>
    public Terminal Terminal { get; } = terminal;

    /// <summary>The variables stages share.</summary>
    public Kernel Kernel { get; } = kernel;

    /// <summary>Follows stages and cells as they run (the report's recorder); null when nobody does.</summary>
    public IRunObserver? Observer { get; } = observer;
}
