using System.Reflection;

namespace KerasMnist.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tools/KerasMnist.Benchmarks -- &lt;name&gt; [options]</c>. Each benchmark is
/// one <c>internal static class &lt;Name&gt;Benchmark</c> in this project with <c>public const string Usage</c> and
/// <c>public static int Run(string[] args)</c>; it is found by that convention, so adding one needs no edit here.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        // The libraries' progress bars, summaries and download progress go to the console, as before.
        using var libraryOutput = Datasets.Core.LibraryOutput.Use(new(Console.Out, interactive: !Console.IsOutputRedirected));
        var benchmarks = Discover();
        if (args.Length > 0 && benchmarks.TryGetValue(args[0], out var benchmark))
        {
            try
            {
                return benchmark.run(args[1..]);
            }
            // What the user can fix (a missing dataset, a Python without torch): the message, not a stack trace.
            catch (Exception e) when (e is InvalidOperationException or IOException or Datasets.Core.DatasetException)
            {
                Console.Error.WriteLine($"{args[0]}: {e.Message}");
                return 1;
            }
        }

        if (args.Length > 0 && args[0] is not ("help" or "--help" or "-h"))
            Console.Error.WriteLine($"Unknown benchmark '{args[0]}'.");
        Console.Error.WriteLine("Usage: dotnet run -c Release --project tools/KerasMnist.Benchmarks -- <benchmark> [options]");
        foreach (var (_, (usage, _)) in benchmarks.OrderBy(b => b.Key))
            Console.Error.WriteLine($"  {usage}");
        return args.Length > 0 && args[0] is "help" or "--help" or "-h" ? 0 : 2;
    }

    private static Dictionary<string, (string usage, Func<string[], int> run)> Discover()
    {
        const string suffix = "Benchmark";
        var found = new Dictionary<string, (string, Func<string[], int>)>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in typeof(Program).Assembly.GetTypes().Where(t => t.Name.EndsWith(suffix) && t.Name != suffix))
        {
            var usage = type.GetField("Usage", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string;
            var run = type.GetMethod("Run", BindingFlags.Public | BindingFlags.Static, [typeof(string[])]);
            if (usage is null || run is null || run.ReturnType != typeof(int))
                throw new InvalidOperationException($"{type.Name} needs 'public const string Usage' and 'public static int Run(string[] args)'.");
            found[type.Name[..^suffix.Length]] = (usage, run.CreateDelegate<Func<string[], int>>());
        }
        return found;
    }
}
