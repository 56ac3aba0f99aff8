namespace KerasMnist.Datasets.Data;

/// <summary>
/// tf's two-level seeds: a global seed (<c>tf.random.set_seed</c>) and per-operation seeds. As in
/// TensorFlow, an operation without its own seed gets one derived from the global seed and a counter of
/// operations created since <c>set_seed</c>, so the same program builds the same random operations.
/// </summary>
internal static class RandomSeeds
{
    // tf's DEFAULT_GRAPH_SEED: the global part when only an op seed is given.
    private const int DefaultGlobalSeed = 87654321;

    private static readonly object Gate = new();
    private static int? _global;
    private static int _operations;

    public static void SetGlobal(int seed)
    {
        lock (Gate)
        {
            _global = seed;
            _operations = 0;
        }
    }

    /// <summary><c>tf.random.get_seed(op_seed)</c>: the (global, op) pair an operation should use.</summary>
    public static (int? global, int? op) Get(int? opSeed)
    {
        lock (Gate)
        {
            if (_global is int global) return (global, opSeed ?? _operations++);
            return opSeed is int op ? (DefaultGlobalSeed, op) : (null, null);
        }
    }

    /// <summary>The base of a shuffle's per-pass seeds: fixed at construction, random when nothing is seeded.</summary>
    public static long ForShuffle(int? opSeed)
    {
        var (global, op) = Get(opSeed);
        return global is int g && op is int o ? Mix(g, o) : Random.Shared.NextInt64();
    }

    /// <summary>A well-spread seed for pass <paramref name="pass"/> of an operation seeded with <paramref name="baseSeed"/>.</summary>
    public static int ForPass(long baseSeed, long pass) => (int)(Mix(baseSeed, pass) & int.MaxValue);

    // SplitMix64's finaliser over both inputs, so neighbouring seeds and passes give unrelated streams.
    private static long Mix(long a, long b)
    {
        ulong z = unchecked((ulong)a * 0x9E3779B97F4A7C15UL + (ulong)b * 0xC2B2AE3D27D4EB4FUL + 0x165667B19E3779F9UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return unchecked((long)(z ^ (z >> 31)));
    }
}
