using KerasMnist.Keras.Backend;

namespace KerasMnist.Tests.Keras.Backend;

/// <summary>
/// Conv2D keeps libtorch's oneDNN convolution unless the CPU hides its caches from oneDNN: an AMD CPU whose CPUID
/// leaf 0x8000001D has no cache descriptors, which Linux shows as no cache directory in sysfs (lscpu lists no caches).
/// The start-up probe must agree with the kernel's view on both kinds of host the project runs on.
/// </summary>
public class OneDnnConvolutionsTests
{
    const string CacheFolder = "/sys/devices/system/cpu/cpu0/cache";

    [Fact]
    public void The_start_up_probe_agrees_with_the_caches_linux_lists()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/proc/cpuinfo")) return; // the facts below are Linux's
        var cpuinfo = File.ReadAllLines("/proc/cpuinfo");
        bool amd = cpuinfo.Any(l => l.StartsWith("vendor_id") && l.Contains("AuthenticAMD"));
        bool topologyExtensions = cpuinfo.Any(l => l.StartsWith("flags") && l.Split(' ').Contains("topoext"));
        bool cachesListed = Directory.Exists(CacheFolder);

        // Linux reads AMD caches from the same leaf when the CPU announces it (topoext); Intel's come from leaf 4.
        if (!amd || (topologyExtensions && cachesListed))
            Assert.True(Engine.OneDnnConvolutions, $"caches are listed in {CacheFolder}, yet Conv2D avoids oneDNN");
        else if (!cachesListed)
            Assert.False(Engine.OneDnnConvolutions, $"an AMD CPU without {CacheFolder}, yet Conv2D uses oneDNN's convolution");
    }
}
