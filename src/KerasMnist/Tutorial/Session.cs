namespace KerasMnist.Tutorial;

/// <summary>One run of the tutorial: its options, where it prints, and the kernel the stages share.</summary>
public sealed class Session(RunOptions options, Terminal terminal, Kernel kernel)
{
    /// <summary>The validated command-line options.</summary>
    public RunOptions Options { get; } = options;

    /// <summary>Where stages print.</summary>
    public Terminal Terminal { get; } = terminal;

    /// <summary>The variables stages share.</summary>
    public Kernel Kernel { get; } = kernel;
}
