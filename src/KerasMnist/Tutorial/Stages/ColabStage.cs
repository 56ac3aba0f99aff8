using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;
using KerasMnist.Keras.Backend;
using TorchSharp;
using static KerasMnist.Tutorial.Host;

namespace KerasMnist.Tutorial.Stages;

/// <summary>
/// Notebook section "Google Colab": <c>! nvidia-smi</c> shows which GPU Colab gave us. The counterpart
/// here shows what the program computes on: device, threads, engine versions, CPU, memory, OS, .NET.
/// </summary>
[Stage("colab", "Google Colab",
    "The '!nvidia-smi' counterpart: device, threads, TorchSharp/libtorch versions, CPU, OS, .NET")]
public sealed class ColabStage : Stage
{
    /// <inheritdoc/>
    protected override void Run()
    {
        Markdown("""
            Das Notebook läuft in Google Colab: eine einfache Programmieroberfläche mit den nötigen
            Bibliotheken und kostenlosen GPUs; `! nvidia-smi` zeigt dort die GPU.
            Hier läuft das Tutorial als .NET-Programm auf TorchSharp (libtorch). Statt `nvidia-smi`
            schauen wir nach, worauf gerechnet wird:
            """);

        In(1);
        // ! nvidia-smi
        Table([], [
            ["Gerät", $"{Engine.DeviceName} (--device)"],
            ["CUDA", torch.cuda.is_available()
                ? $"verfügbar, {German.Count(torch.cuda.device_count(), "GPU", "GPUs")}"
                : "nicht verfügbar (diese libtorch ist die CPU-Version, oder keine GPU ist sichtbar)"],
            ["Threads", $"{Engine.Threads} (libtorch intra-op; {German.Count(Environment.ProcessorCount, "logischer Kern", "logische Kerne")})"],
            ["TorchSharp", Engine.TorchSharpVersion],
            ["libtorch", Engine.LibTorchVersion],
            ["CPU", $"{CpuModel()} ({VectorUnits()})"],
            ["Speicher", Gibibytes(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes)],
            ["Betriebssystem", OperatingSystemName()],
            [".NET", $"{RuntimeInformation.FrameworkDescription} ({RuntimeInformation.ProcessArchitecture})"],
        ]);
        End(1);
    }

    // On Linux OSDescription is the distribution ("Debian GNU/Linux 12 (bookworm)"); OSVersion adds the kernel.
    static string OperatingSystemName() => $"{RuntimeInformation.OSDescription} ({Environment.OSVersion})";

    // The widest vector unit the CPU offers decides how fast libtorch's kernels can be.
    static string VectorUnits() =>
        Avx512F.IsSupported ? "AVX-512" : Avx2.IsSupported ? "AVX2" : Avx.IsSupported ? "AVX" : AdvSimd.IsSupported ? "NEON" : "SSE or none";

    static string Gibibytes(long bytes) => German.Format($"{bytes / (double)(1L << 30):0.0} GiB");
}
