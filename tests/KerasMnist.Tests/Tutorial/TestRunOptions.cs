using KerasMnist.Tutorial;

namespace KerasMnist.Tests.Tutorial;

/// <summary>Run options for tests that run fake stages in-process.</summary>
public static class TestRunOptions
{
    /// <summary>MNIST on the CPU, output to ./output, nothing limited.</summary>
    public static readonly RunOptions Default = new() { Output = "output", Dataset = "mnist", Seed = 42, Device = "cpu" };
}
