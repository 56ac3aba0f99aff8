using System.Globalization;
using System.Text.RegularExpressions;

namespace KerasMnist.Datasets.Core;

/// <summary>
/// One resolved piece of a split string: the examples <c>[from_, to)</c> of split <c>splitname</c>
/// (tfds's <c>_AbsoluteInstruction</c>).
/// </summary>
public readonly record struct AbsoluteInstruction(string splitname, long from_, long to)
{
    /// <summary>How many examples the piece selects.</summary>
    public long num_examples => to - from_;
}

/// <summary>
/// tfds's split grammar (<c>tfds.core.ReadInstruction</c> / <c>AbstractSplit.from_spec</c>): <c>train</c>,
/// <c>train[:70%]</c>, <c>train[1000:2000]</c>, <c>train[-10%:]</c>, <c>train[:10%]+test</c>, <c>all</c>,
/// <c>train[0shard]</c>. Percent boundaries round to the closest example (<c>int(round(pct*n/100))</c>, with
/// Python's round-half-to-even), tfds's default <c>rounding='closest'</c>.
/// </summary>
public static partial class SplitSpec
{
    /// <summary>The grammar, quoted in every split error so the message says how to write a valid one.</summary>
    public const string Grammar =
        "Split grammar (as in tfds): NAME or NAME[FROM:TO], several joined with '+'. FROM and TO are optional " +
        "integers (example indices) or percentages such as 70%; negative values count from the end; a " +
        "percentage is rounded to the closest example. Examples: 'train', 'test', 'train[:70%]', " +
        "'train[70%:]', 'train[1000:2000]', 'train[-10%:]', 'train[:10%]+test', 'all'. " +
        "See https://www.tensorflow.org/datasets/splits";

    private enum Unit { Abs, Percent, Shard }

    private sealed record ReadInstruction(string SplitName, double? From, double? To, Unit Unit);

    [GeneratedRegex(@"\s*\+\s*", RegexOptions.CultureInvariant)]
    private static partial Regex AdditionSeparator();

    [GeneratedRegex(@"^(?<name>[\w-]+)(\[(?<selector>[\d\w%:.-]+)\])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex SubSpec();

    [GeneratedRegex(@"^((?<val>-?[\d_.]+)(?<unit>%|shard)?)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex SliceBound();

    // Python's int()/float() literals: digits with single underscores between them, optionally one '.'.
    [GeneratedRegex(@"^\d+(_\d+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex IntLiteral();

    [GeneratedRegex(@"^(\d+(_\d+)*(\.(\d+(_\d+)*)?)?|\.\d+(_\d+)*)\z", RegexOptions.CultureInvariant)]
    private static partial Regex FloatLiteral();

    /// <summary>
    /// Parses <paramref name="spec"/> and resolves it against the whole splits of a dataset.
    /// </summary>
    /// <param name="spec">A split string such as <c>train[:70%]</c>.</param>
    /// <param name="splits">The dataset's splits (name and whole size), in the order <c>all</c> concatenates them.</param>
    /// <returns>The pieces to concatenate, in order; empty pieces (e.g. <c>train[10:10]</c>) are dropped.</returns>
    /// <exception cref="DatasetException">The string does not follow the grammar, names an unknown split,
    /// reaches past the split, or selects no example at all. The message quotes the grammar.</exception>
    public static IReadOnlyList<AbsoluteInstruction> Resolve(string spec, IReadOnlyList<SplitInfo> splits)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var pieces = new List<AbsoluteInstruction>();
        foreach (var instruction in Parse(spec, splits))
        {
            var piece = ToAbsolute(spec, instruction, splits);
            if (piece.num_examples > 0)
                pieces.Add(piece);
        }
        if (pieces.Count == 0)
            throw Error(spec, "it selects no examples (tfds: 'corresponds to no data').");
        return pieces;
    }

    private static IEnumerable<ReadInstruction> Parse(string spec, IReadOnlyList<SplitInfo> splits)
    {
        var parsed = new List<ReadInstruction>();
        foreach (var sub in AdditionSeparator().Split(spec))
        {
            var match = SubSpec().Match(sub);
            if (!match.Success)
                throw Error(spec, $"'{sub}' is not NAME or NAME[FROM:TO].");
            string name = match.Groups["name"].Value;
            var selector = match.Groups["selector"];
            if (name == "all")
            {
                if (selector.Success)
                    throw Error(spec, "'all' cannot be sliced; slice the splits one by one, e.g. 'train[:50%]+test[:50%]'.");
                parsed.AddRange(splits.Select(s => new ReadInstruction(s.name, null, null, Unit.Abs)));
                continue;
            }
            parsed.Add(selector.Success ? ParseSelector(spec, name, selector.Value) : new ReadInstruction(name, null, null, Unit.Abs));
        }
        return parsed;
    }

    private static ReadInstruction ParseSelector(string spec, string name, string selector)
    {
        var parts = selector.Split(':');
        var bounds = parts.Select(p => SliceBound().Match(p)).ToArray();
        if (parts.Length > 2 || bounds.Any(b => !b.Success) || bounds.All(b => b.Length == 0))
            throw Error(spec, $"'[{selector}]' is not a slice [FROM:TO].");

        Unit UnitOf(Match b) => b.Groups["unit"].Value switch { "%" => Unit.Percent, "shard" => Unit.Shard, _ => Unit.Abs };
        string? ValueOf(Match b) => b.Groups["val"].Success ? b.Groups["val"].Value : null;

        if (parts.Length == 1)
        {
            // tfds accepts train[N] only for shards: train[0shard] is shard 0.
            if (UnitOf(bounds[0]) != Unit.Shard)
                throw Error(spec, $"'[{selector}]' is an index; absolute and percent selections need the slice syntax [FROM:TO].");
            double shard = ParseNumber(spec, ValueOf(bounds[0])!, Unit.Shard);
            return new ReadInstruction(name, shard, shard + 1, Unit.Shard);
        }

        // As in tfds, a unit written on either side applies to both (train[10:50%] is 10%..50%).
        var unit = bounds.Select(UnitOf).FirstOrDefault(u => u != Unit.Abs, Unit.Abs);
        double? from = ValueOf(bounds[0]) is { } f ? ParseNumber(spec, f, unit) : null;
        double? to = ValueOf(bounds[1]) is { } t ? ParseNumber(spec, t, unit) : null;
        if (unit == Unit.Percent && (Math.Abs(from ?? 0) > 100 || Math.Abs(to ?? 0) > 100))
            throw Error(spec, "percent boundaries must lie in [-100%, 100%].");
        return new ReadInstruction(name, from, to, unit);
    }

    private static double ParseNumber(string spec, string text, Unit unit)
    {
        bool negative = text.StartsWith('-');
        string digits = negative ? text[1..] : text;
        bool valid = unit == Unit.Percent ? FloatLiteral().IsMatch(digits) : IntLiteral().IsMatch(digits);
        if (!valid)
            throw Error(spec, unit == Unit.Percent
                ? $"'{text}%' is not a number."
                : $"'{text}' is not an integer (fractions are allowed only in percentages, e.g. 12.5%).");
        double value = double.Parse(digits.Replace("_", ""), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return negative ? -value : value;
    }

    private static AbsoluteInstruction ToAbsolute(string spec, ReadInstruction instruction, IReadOnlyList<SplitInfo> splits)
    {
        var split = splits.FirstOrDefault(s => s.name == instruction.SplitName)
            ?? throw Error(spec, $"unknown split '{instruction.SplitName}'; this dataset has the splits {string.Join(", ", splits.Select(s => $"'{s.name}'"))}.");
        long n = split.num_examples;
        long from, to;
        switch (instruction.Unit)
        {
            case Unit.Percent:
                from = instruction.From is { } pf ? ClosestExample(pf, n) : 0;
                to = instruction.To is { } pt ? ClosestExample(pt, n) : n;
                break;
            case Unit.Shard:
                // The IDX files hold each split in one piece, so shard 0 is the whole split.
                long[] shardLengths = [n];
                from = instruction.From is { } sf ? ShardStart((long)sf, shardLengths) : 0;
                to = instruction.To is { } st ? ShardStart(st <= 0 ? shardLengths.Length + (long)st : (long)st, shardLengths) : n;
                break;
            default:
                from = (long)(instruction.From ?? 0);
                to = (long)(instruction.To ?? n);
                break;
        }
        if (Math.Abs(from) > n || Math.Abs(to) > n)
            throw Error(spec, $"the slice [{from}:{to}] reaches past the {n} examples of split '{split.name}'.");
        if (from < 0) from += n;
        if (to < 0) to += n;
        return new AbsoluteInstruction(split.name, from, Math.Max(from, to));
    }

    /// <summary>tfds's <c>_pct_to_abs_closest</c>: <c>int(round(boundary * n / 100.0))</c>, half to even.</summary>
    public static long ClosestExample(double percent, long numExamples) =>
        (long)Math.Round(percent * numExamples / 100.0, MidpointRounding.ToEven);

    // sum(shard_lengths[:k]) with Python's slice semantics for negative and oversized k.
    private static long ShardStart(long k, long[] shardLengths)
    {
        long count = k < 0 ? Math.Max(0, shardLengths.Length + k) : Math.Min(k, shardLengths.Length);
        return shardLengths.Take((int)count).Sum();
    }

    private static DatasetException Error(string spec, string what) =>
        new($"Invalid split '{spec}': {what}\n{Grammar}");
}
