using static TorchSharp.torch;

namespace KerasMnist.Datasets.Data;

/// <summary>
/// <c>Dataset.shuffle</c>. Unbatched rows are not copied here: the output is a lazy gather (source block +
/// shuffled positions), so the following batch copies each batch once, straight from the source.
/// </summary>
internal sealed class ShuffleDataset(Dataset upstream, int bufferSize, long seed, bool reshuffleEachIteration) : DatasetNode
{
    private long _passes;

    internal override bool RowBlocks => upstream.RowBlocks;

    public override long cardinality() => upstream.cardinality();

    internal override IEnumerable<Block> Blocks()
    {
        long pass = reshuffleEachIteration ? Interlocked.Increment(ref _passes) - 1 : 0;
        var random = new Random(RandomSeeds.ForPass(seed, pass));
        return RowBlocks ? ShuffleRows(random) : ShuffleElements(random);
    }

    private IEnumerable<Block> ShuffleElements(Random random)
    {
        var held = new Dictionary<long, Block>();
        long read = 0;
        using var source = upstream.Blocks().GetEnumerator();
        try
        {
            bool Available(long position)
            {
                if (position < read) return true;
                if (!source.MoveNext()) return false;
                held[read++] = source.Current;
                return true;
            }
            foreach (var position in ShuffleBuffer.Order(bufferSize, random, Available))
            {
                held.Remove(position, out var block);
                yield return block!;
            }
        }
        finally
        {
            foreach (var block in held.Values) block.Dispose();
        }
    }

    // Upstream blocks are held as parts until all their rows are emitted. The positions emitted since the
    // last gather are turned into one lazy block whenever the set of held parts is about to change.
    private IEnumerable<Block> ShuffleRows(Random random)
    {
        var parts = new List<Part>();
        var ready = new Queue<Block>();
        var emitted = new List<long>();
        long read = 0;
        bool exhausted = false;
        using var source = upstream.Blocks().GetEnumerator();
        try
        {
            bool Available(long position)
            {
                while (position >= read && !exhausted)
                {
                    if (!source.MoveNext())
                    {
                        exhausted = true;
                        break;
                    }
                    var block = source.Current;
                    if (block.Length == 0)
                    {
                        block.Dispose();
                        continue;
                    }
                    GatherEmitted();
                    parts.Add(new Part(block, read));
                    read += block.Length;
                }
                return position < read;
            }

            void GatherEmitted()
            {
                if (emitted.Count == 0) return;
                ready.Enqueue(Gather(parts, emitted));
                emitted.Clear();
                parts.RemoveAll(part => part.DisposeIfDrained());
            }

            foreach (var position in ShuffleBuffer.Order(bufferSize, random, Available))
            {
                while (ready.Count > 0) yield return ready.Dequeue();
                emitted.Add(position);
                PartOf(parts, position).Remaining--;
            }
            GatherEmitted();
            while (ready.Count > 0) yield return ready.Dequeue();
        }
        finally
        {
            foreach (var block in ready) block.Dispose();
            foreach (var part in parts) part.Block.Dispose();
        }
    }

    private static Block Gather(List<Part> parts, List<long> positions)
    {
        if (parts.Count == 1)
        {
            long start = parts[0].Start;
            var local = positions.Select(p => p - start).ToArray();
            return parts[0].Block.Gather(local);
        }
        // Rows spread over several parts (an upstream yielding several blocks): gather from their concatenation.
        var offsets = new Dictionary<Part, long>();
        long offset = 0;
        foreach (var part in parts)
        {
            offsets[part] = offset;
            offset += part.Block.Length;
        }
        var pieces = parts.Select(part => { using var all = part.Block.Slice(0, part.Block.Length); return all.Release(); }).ToList();
        using var window = new Block(cat(pieces.Select(p => p.x).ToArray(), 0), cat(pieces.Select(p => p.y).ToArray(), 0));
        foreach (var (x, y) in pieces)
        {
            x.Dispose();
            y.Dispose();
        }
        var windowRows = positions.Select(p =>
        {
            var part = PartOf(parts, p);
            return offsets[part] + p - part.Start;
        }).ToArray();
        return window.Gather(windowRows);
    }

    private static Part PartOf(List<Part> parts, long position)
    {
        int lo = 0, hi = parts.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (parts[mid].Start <= position) lo = mid;
            else hi = mid - 1;
        }
        return parts[lo];
    }

    private sealed class Part(Block block, long start)
    {
        public Block Block { get; } = block;

        public long Start { get; } = start;

        public long Remaining { get; set; } = block.Length;

        public bool DisposeIfDrained()
        {
            if (Remaining > 0) return false;
            Block.Dispose();
            return true;
        }
    }
}
