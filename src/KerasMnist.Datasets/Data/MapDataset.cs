using TorchSharp;
using static TorchSharp.torch;

namespace KerasMnist.Datasets.Data;

/// <summary><c>Dataset.map</c>, applied to whole blocks (vectorised) or, after batch, to each batch.</summary>
internal sealed class MapDataset(Dataset upstream, Func<Tensor, Tensor, (Tensor, Tensor)> mapFunc) : DatasetNode
{
    internal override bool RowBlocks => upstream.RowBlocks;

    public override long cardinality() => upstream.cardinality();

    internal override IEnumerable<Block> Blocks()
    {
        foreach (var block in upstream.Blocks())
        {
            long rows = block.Length;
            var (x, y) = block.Release();
            yield return Apply(x, y, rows);
        }
    }

    private Block Apply(Tensor x, Tensor y, long rows)
    {
        Tensor? mappedX = null, mappedY = null;
        try
        {
            // The scope frees what map_func makes on the way (e.g. the cast before / 255f).
            using var scope = NewDisposeScope();
            var (fx, fy) = mapFunc(x, y);
            if (fx is null || fy is null)
                throw new InvalidOperationException("map_func returned a null tensor; it must return (x, y).");
            mappedX = Keep(fx, x, y, scope);
            mappedY = Keep(fy, x, y, scope);
        }
        finally
        {
            foreach (var input in new[] { x, y })
                if (!ReferenceEquals(input, mappedX) && !ReferenceEquals(input, mappedY))
                    input.Dispose();
        }
        if (RowBlocks && (mappedX.dim() == 0 || mappedY.dim() == 0 || mappedX.shape[0] != rows || mappedY.shape[0] != rows))
        {
            var message = $"map_func must work elementwise along axis 0 (Dataset.map is vectorised: it gets {rows} examples at once): " +
                          $"it returned x of shape {Shapes.Format(mappedX)} and y of shape {Shapes.Format(mappedY)}, " +
                          $"expected {rows} rows in both. Write per-example reshapes as e.g. reshape(-1, 784).";
            mappedX.Dispose();
            mappedY.Dispose();
            throw new InvalidOperationException(message);
        }
        return new Block(mappedX, mappedY);
    }

    // The pipeline must own what it keeps: the inputs (already ours), tensors made inside the scope, and
    // otherwise (e.g. a tensor captured by the lambda) a fresh handle, never the caller's.
    private static Tensor Keep(Tensor result, Tensor x, Tensor y, DisposeScope scope)
    {
        if (ReferenceEquals(result, x) || ReferenceEquals(result, y)) return result;
        return scope.Contains(result) ? result.DetachFromDisposeScope() : result.alias().DetachFromDisposeScope();
    }
}
