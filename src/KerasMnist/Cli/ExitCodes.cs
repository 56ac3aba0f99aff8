namespace KerasMnist.Cli;

/// <summary>The program's exit codes.</summary>
public static class ExitCodes
{
    /// <summary>Everything ran.</summary>
    public const int Ok = 0;

    /// <summary>A run failed: unwritable output folder, missing data, a library error.</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong (unknown command, stage or option, bad value).</summary>
    public const int Usage = 2;
}
