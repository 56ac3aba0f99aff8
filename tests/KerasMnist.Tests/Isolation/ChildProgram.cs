using System.Reflection;

namespace KerasMnist.Tests.Isolation;

/// <summary>
/// The test assembly's entry point (the SDK's generated one is switched off in the project file). xunit never
/// calls it; <see cref="Isolated.Run(Action{string[]}, string[], TimeSpan?)"/> starts
/// <c>dotnet exec KerasMnist.Tests.dll --isolated TYPE METHOD ARGS...</c> to run one test body in its own process.
/// Exit 0: the body returned; 1: it threw (the exception, an assertion's message included, goes to stderr);
/// 2: bad arguments; killed by a signal: 128 + its number.
/// </summary>
public static class ChildProgram
{
    internal const string Flag = "--isolated";

    public static int Main(string[] args)
    {
        if (args.Length < 3 || args[0] != Flag)
        {
            Console.Error.WriteLine($"usage: dotnet exec KerasMnist.Tests.dll {Flag} TYPE METHOD [ARGS...] (tests run with dotnet test)");
            return 2;
        }
        MethodInfo body;
        try { body = Isolated.Find(args[1], args[2]); }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        try
        {
            body.Invoke(null, [args[3..]]);
            return 0;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            Console.Error.WriteLine(e.InnerException);
            return 1;
        }
    }
}
