using System.Runtime.InteropServices;
using Xunit.Sdk;

namespace KerasMnist.Tests.Isolation;

/// <summary>The child-process harness itself: results, assertion failures and native crashes come back named.</summary>
public class IsolatedTests
{
    [Fact]
    public void A_body_that_returns_passes_and_its_output_comes_back()
    {
        var output = Isolated.Run(Prints, "a", "b");
        Assert.Contains("arguments: a b", output);
    }

    static void Prints(string[] args) => Console.WriteLine($"arguments: {string.Join(' ', args)}");

    [Fact]
    public void A_failed_assertion_in_the_child_fails_the_test_with_its_message()
    {
        var error = Assert.Throws<FailException>(() => Isolated.Run(FailsAnAssertion));
        Assert.Contains("failed (exit 1)", error.Message);
        Assert.Contains("the value was 41", error.Message);
        Assert.Contains("during: checking the value", error.Message);
    }

    static void FailsAnAssertion(string[] args)
    {
        Isolated.Step("checking the value");
        Assert.True(41 == 42, "the value was 41");
    }

    [Fact]
    public void A_division_by_zero_in_native_code_is_named_with_the_step_it_killed()
    {
        if (!OperatingSystem.IsLinux()) return; // glibc's div() is the native code here
        var error = Assert.Throws<FailException>(() => Isolated.Run(DividesByZeroNatively));
        Assert.Contains("crashed the process (exit 136: killed by SIGFPE", error.Message);
        Assert.Contains("during: dividing in libc", error.Message);
    }

    static void DividesByZeroNatively(string[] args)
    {
        Isolated.Step("dividing in libc");
        Console.WriteLine(Div(1, args.Length).Quotient); // args is empty: 1 / 0 in native code
    }

    [Fact]
    public void A_native_abort_is_named()
    {
        if (!OperatingSystem.IsLinux()) return;
        var error = Assert.Throws<FailException>(() => Isolated.Run(Aborts));
        Assert.Contains("exit 134: killed by SIGABRT", error.Message);
        Assert.Contains("during: aborting", error.Message);
    }

    static void Aborts(string[] args)
    {
        Isolated.Step("aborting");
        Abort();
    }

    [StructLayout(LayoutKind.Sequential)]
    struct DivResult
    {
        public int Quotient, Remainder;
    }

    [DllImport("libc", EntryPoint = "div")]
    static extern DivResult Div(int numerator, int denominator);

    [DllImport("libc", EntryPoint = "abort")]
    static extern void Abort();
}
