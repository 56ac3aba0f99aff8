using System.Runtime.Intrinsics.X86;

namespace KerasMnist.Keras.Backend;

/// <summary>
/// Whether this CPU describes its caches the way libtorch's bundled oneDNN (v3.7.1) reads them. oneDNN learns
/// cache sizes from Xbyak, which on AMD reads CPUID leaf 0x8000001D, sub-leaves 0 (L1 data), 2 (L2) and 3 (L3),
/// without checking that a sub-leaf describes a cache at all. Some VMs leave that leaf empty (lscpu then lists no
/// caches and /sys/devices/system/cpu/cpu0/cache is absent); Xbyak then computes every cache as 1 byte, and
/// oneDNN's blocking for 1x1 convolutions (brgemm_convolution_utils::brg_blocking_t::est_eff_1x1) divides by a
/// block count of zero: SIGFPE. Setting those sizes to 1 byte in a healthy process reproduces the crash for exactly
/// the shapes seen on such VMs (docs/performance.md, "oneDNN on hosts without cache descriptors").
/// Intel CPUs are read through leaf 4, whose cache type Xbyak does check, so they are never reported here.
/// </summary>
internal static class CacheDescriptors
{
    /// <summary>True when an AMD CPU's leaf 0x8000001D lacks the L1 data, L2 or L3 descriptor. Read once, at first use.</summary>
    public static bool Missing { get; } = X86Base.IsSupported && MissingIn(X86Base.CpuId);

    const int CacheTopologyLeaf = unchecked((int)0x8000001D);

    /// <summary>The same decision for any CPUID (leaf, sub-leaf) → (EAX, EBX, ECX, EDX) table.</summary>
    static bool MissingIn(Func<int, int, (int eax, int ebx, int ecx, int edx)> cpuid)
    {
        var (_, ebx, ecx, edx) = cpuid(0, 0);
        bool amd = ebx == 0x68747541 && edx == 0x69746E65 && ecx == 0x444D4163; // "Auth" "enti" "cAMD"
        if (!amd) return false;
        foreach (int subLeaf in (ReadOnlySpan<int>)[0, 2, 3])
        {
            // EAX bits 4:0 are the cache type; 0 means "no cache here", which Xbyak reads as a 1-byte cache.
            var (eax, _, _, _) = cpuid(CacheTopologyLeaf, subLeaf);
            if ((eax & 0x1F) == 0) return true;
        }
        return false;
    }
}
