using System.Runtime.InteropServices;
using KerasMnist.Keras.Backend;
using KerasMnist.Tutorial;

namespace KerasMnist.Report;

/// <summary>The engine and host a run computed on, for the report's header.</summary>
/// <param name="Device">The torch device, <c>cpu</c> or <c>cuda</c>.</param>
/// <param name="Threads">libtorch's intra-op threads.</param>
/// <param name="TorchSharp">TorchSharp's version.</param>
/// <param name="LibTorch">libtorch's version.</param>
/// <param name="Cpu">The CPU's model name (the architecture where the OS does not name it).</param>
/// <param name="LogicalCores">Logical cores the process may use.</param>
/// <param name="OperatingSystem">The OS as .NET describes it.</param>
/// <param name="DotNet">The .NET runtime.</param>
public sealed record RunEnvironment(
    string Device, int Threads, string TorchSharp, string LibTorch, string Cpu, int LogicalCores, string OperatingSystem, string DotNet)
{
    /// <summary>This process's engine (after <c>Engine.SetDevice</c>) and host.</summary>
    public static RunEnvironment Capture() => new(
        Engine.DeviceName, Engine.Threads, Engine.TorchSharpVersion, Engine.LibTorchVersion, Host.CpuModel(),
        System.Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription);
}
