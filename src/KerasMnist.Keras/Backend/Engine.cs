using System.Reflection;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Backend;

/// <summary>
/// The torch backend's process-wide settings: device, threads and the allocator tuning.
/// Counterpart of Keras 3's <c>keras.backend</c> on torch (<c>KERAS_TORCH_DEVICE</c>). Seeding is
/// <c>keras.utils.set_random_seed</c>'s (<see cref="UtilsApi.set_random_seed"/>).
/// </summary>
public static class Engine
{
    static Device device = CPU;

    /// <summary>The device new variables and batches are placed on (<c>cpu</c> unless <see cref="SetDevice"/> chose <c>cuda</c>).</summary>
    public static Device Device => device;

    /// <summary>The torch device name, <c>cpu</c> or <c>cuda</c>.</summary>
    public static string DeviceName => device.type == DeviceType.CUDA ? "cuda" : "cpu";

    /// <summary>Selects the device. <c>cuda</c> without a CUDA build of libtorch is an error that says so.</summary>
    public static void SetDevice(string name)
    {
        device = name switch
        {
            "cpu" => CPU,
            "cuda" when cuda.is_available() => CUDA,
            "cuda" => throw new InvalidOperationException(
                "--device cuda was asked for, but this libtorch build has no CUDA support or no GPU is visible. " +
                "KerasMnist ships libtorch's CPU build; run with --device cpu."),
            _ => throw new ArgumentException($"Unknown device '{name}'. Valid devices: cpu, cuda."),
        };
    }

    /// <summary>
    /// Whether Conv2D runs kernels with more than one live tap in libtorch's convolution (oneDNN), as
    /// <c>torch.backends.mkldnn.enabled</c> does in PyTorch. By default false only on hosts whose CPUID has no
    /// cache descriptors, where libtorch's oneDNN 3.7.1 divides by zero setting up convolutions (SIGFPE); there
    /// Conv2D computes every convolution as an im2col matrix product instead, with the same values and gradients
    /// (slower). 1x1 kernels are matrix products on every host. Conv2D reads it at every call; setting it true on such
    /// a host brings the crash back.
    /// </summary>
    public static bool OneDnnConvolutions { get; set; } = !CacheDescriptors.Missing;

    /// <summary>Threads libtorch uses for intra-op parallelism.</summary>
    public static int Threads => get_num_threads();

    /// <summary>TorchSharp's version (the .NET binding).</summary>
    public static string TorchSharpVersion =>
        typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(torch).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>libtorch's version (the native engine).</summary>
    public static string LibTorchVersion => __version__;

    static bool tuned;

    /// <summary>
    /// Keeps freed tensor memory in glibc's heap instead of returning it to the OS after every step.
    /// Without it TorchSharp takes thousands of page faults per CNN step (performance.md); it must run
    /// before the first large tensor is allocated. Linux/glibc only; elsewhere it does nothing.
    /// </summary>
    public static void TuneAllocator()
    {
        if (tuned || !OperatingSystem.IsLinux()) return;
        tuned = true;
        try
        {
            // Order matters: setting only the trim threshold makes things worse (performance.md).
            mallopt(MmapThreshold, 256 << 20);
            mallopt(TrimThreshold, 1 << 30);
        }
        catch (EntryPointNotFoundException) { } // musl and other libcs have no mallopt: nothing to tune.
        catch (DllNotFoundException) { }
    }

    const int TrimThreshold = -1, MmapThreshold = -3;

    [DllImport("libc", EntryPoint = "mallopt")]
    static extern int mallopt(int param, int value);
}
