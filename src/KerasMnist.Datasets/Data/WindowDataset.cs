namespace KerasMnist.Datasets.Data;

/// <summary>
/// <c>Dataset.take</c> and <c>Dataset.skip</c>: a window of consecutive elements (batches, if batched).
/// </summary>
internal sealed class WindowDataset : DatasetNode
{
    private readonly Dataset _upstream;
    private readonly long _skip;
    private readonly long _take; // -1: to the end

    private WindowDataset(Dataset upstream, long skip, long take)
    {
        _upstream = upstream;
        _skip = skip;
        _take = take;
    }

    /// <summary>tf.data: a negative count takes everything.</summary>
    public static Dataset Take(Dataset upstream, long count) => new WindowDataset(upstream, 0, count < 0 ? -1 : count);

    /// <summary>tf.data: a negative count skips everything.</summary>
    public static Dataset Skip(Dataset upstream, long count) => new WindowDataset(upstream, count < 0 ? long.MaxValue : count, -1);

    internal override bool RowBlocks => _upstream.RowBlocks;

    /// <summary>
    /// tf.data's rule: take of a known n is min(n, count); of an infinite dataset, count; an unknown cardinality stays
    /// unknown, even for take(0) (tf.data does not look at the count then). skip of an unknown or infinite dataset keeps it.
    /// </summary>
    public override long cardinality()
    {
        long n = _upstream.cardinality();
        if (n == Cardinality.Infinite) return _take >= 0 ? _take : n;
        if (!Cardinality.IsKnown(n)) return n;
        long rest = Math.Max(0, n - _skip);
        return _take >= 0 ? Math.Min(rest, _take) : rest;
    }

    internal override IEnumerable<Block> Blocks()
    {
        long toSkip = _skip;
        long left = _take >= 0 ? _take : long.MaxValue;
        if (left == 0) yield break;
        foreach (var block in _upstream.Blocks())
        {
            using (block)
            {
                long n = _upstream.ElementsIn(block);
                if (toSkip >= n)
                {
                    toSkip -= n;
                    continue;
                }
                long start = toSkip, count = Math.Min(n - toSkip, left);
                toSkip = 0;
                left -= count;
                // Element blocks (batches) are never split: n is 1 for them.
                yield return start == 0 && count == n ? block.Move() : block.Slice(start, count);
                if (left == 0) yield break;
            }
        }
    }
}
