using static TorchSharp.torch;

namespace KerasMnist.Datasets.Data;

/// <summary>
/// <c>Dataset.cache()</c> in memory. Unbatched data is kept as one contiguous block, which is what lets a
/// following shuffle + batch gather each batch straight from the cache in one pass over its rows.
/// </summary>
internal sealed class CacheDataset(Dataset upstream) : DatasetNode
{
    private readonly object _gate = new();
    private volatile IReadOnlyList<(Tensor x, Tensor y)>? _stored;

    internal override bool RowBlocks => upstream.RowBlocks;

    public override long cardinality() => upstream.cardinality();

    internal override IEnumerable<Block> Blocks() => _stored is { } stored ? Replay(stored) : FillAndPass();

    private static IEnumerable<Block> Replay(IReadOnlyList<(Tensor x, Tensor y)> stored)
    {
        foreach (var (x, y) in stored)
            yield return new Block(x.alias(), y.alias());
    }

    // Passes the upstream through while keeping a copy of each block; only a pass that reached the end is
    // stored, so an abandoned first pass cannot leave a truncated cache behind.
    private IEnumerable<Block> FillAndPass()
    {
        var parts = new List<(Tensor x, Tensor y)>();
        bool complete = false;
        try
        {
            foreach (var block in upstream.Blocks())
            {
                var (x, y) = block.Release();
                parts.Add((x, y));
                yield return new Block(x.alias(), y.alias());
            }
            complete = true;
        }
        finally
        {
            if (complete) Store(parts);
            else Release(parts);
        }
    }

    private void Store(List<(Tensor x, Tensor y)> parts)
    {
        IReadOnlyList<(Tensor x, Tensor y)> stored = parts;
        if (RowBlocks && parts.Count > 0)
        {
            stored = [(ContiguousRows.Concatenate(parts.Select(p => p.x).ToList()),
                       ContiguousRows.Concatenate(parts.Select(p => p.y).ToList()))];
            Release(parts);
        }
        lock (_gate)
        {
            if (_stored is null)
            {
                _stored = stored;
                return;
            }
        }
        // Another pass finished first and its copy is already in use.
        Release(stored);
    }

    private static void Release(IEnumerable<(Tensor x, Tensor y)> parts)
    {
        foreach (var (x, y) in parts)
        {
            x.Dispose();
            y.Dispose();
        }
    }
}
