using System.Runtime.InteropServices;

namespace KerasMnist.Tests.Fixtures;

/// <summary>
/// CPU time used by the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>). Unlike wall time it does not grow
/// when parallel test classes or other processes compete for the two cores, so a speed threshold stays meaningful.
/// </summary>
public static class ThreadCpuTime
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

    public static TimeSpan Now()
    {
        Assert.True(OperatingSystem.IsLinux(), "thread CPU time is read with Linux's clock_gettime");
        Assert.Equal(0, ClockGetTime(ClockThreadCpuTimeId, out var t));
        return TimeSpan.FromTicks(t.Seconds * TimeSpan.TicksPerSecond + t.Nanoseconds / 100);
    }

    /// <summary>Runs <paramref name="work"/> on this thread and returns the CPU time it took.</summary>
    public static TimeSpan Measure(Action work)
    {
        var start = Now();
        work();
        return Now() - start;
    }
}
