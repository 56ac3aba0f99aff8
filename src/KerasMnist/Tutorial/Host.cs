using System.Runtime.InteropServices;

namespace KerasMnist.Tutorial;

/// <summary>What the machine a run computes on is, as the colab stage and the report's header name it.</summary>
public static class Host
{
    /// <summary>The CPU's model name: Linux names it in /proc/cpuinfo; elsewhere the architecture is all .NET knows.</summary>
    public static string CpuModel()
    {
        const string cpuinfo = "/proc/cpuinfo";
        var model = File.Exists(cpuinfo)
            ? File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return model ?? RuntimeInformation.OSArchitecture.ToString();
    }
}
