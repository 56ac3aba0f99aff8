using System.Runtime.InteropServices;

namespace KerasMnist.Benchmarks;

/// <summary>
/// CPU time used by the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>). Unlike wall time it does not grow
/// when other processes compete for the cores, so work done on one thread compares across busy and idle runs.
/// </summary>
internal static class ThreadCpuTime
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec time);

    /// <summary>Whether this platform has the clock (Linux).</summary>
    public static bool Available => OperatingSystem.IsLinux();

    /// <summary>The CPU time this thread has used so far.</summary>
    /// <exception cref="PlatformNotSupportedException">Not on Linux.</exception>
    public static TimeSpan Now()
    {
        if (!Available) throw new PlatformNotSupportedException("Thread CPU time is read with Linux's clock_gettime.");
        if (ClockGetTime(ClockThreadCpuTimeId, out var t) != 0)
            throw new InvalidOperationException($"clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed (errno {Marshal.GetLastPInvokeError()}).");
        return TimeSpan.FromTicks(t.Seconds * TimeSpan.TicksPerSecond + t.Nanoseconds / 100);
    }
}
