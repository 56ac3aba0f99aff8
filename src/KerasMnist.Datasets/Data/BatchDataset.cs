using static TorchSharp.torch;

namespace KerasMnist.Datasets.Data;

/// <summary><c>Dataset.batch</c>: each output block is one batch.</summary>
internal sealed class BatchDataset(Dataset upstream, int batchSize, bool dropRemainder) : DatasetNode
{
    internal override bool RowBlocks => false;

    public override long cardinality()
    {
        long n = upstream.cardinality();
        if (!Cardinality.IsKnown(n)) return n;
        return dropRemainder ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    internal override IEnumerable<Block> Blocks() => upstream.RowBlocks ? BatchRows() : StackElements();

    // A batch inside one upstream block is one slice, still lazy if the block is a lazy gather: the copy is
    // made by whoever needs the tensors (a prefetch worker, or the consumer). Only a batch straddling two
    // blocks is concatenated here.
    private IEnumerable<Block> BatchRows()
    {
        var pending = new List<Block>();
        long pendingRows = 0;
        try
        {
            foreach (var block in upstream.Blocks())
            {
                using (block)
                {
                    for (long offset = 0, length = block.Length; offset < length;)
                    {
                        long count = Math.Min(batchSize - pendingRows, length - offset);
                        pending.Add(block.Slice(offset, count));
                        pendingRows += count;
                        offset += count;
                        if (pendingRows == batchSize)
                        {
                            yield return Concatenate(pending);
                            pendingRows = 0;
                        }
                    }
                }
            }
            if (pendingRows > 0 && !dropRemainder)
                yield return Concatenate(pending);
        }
        finally
        {
            foreach (var piece in pending) piece.Dispose();
        }
    }

    private static Block Concatenate(List<Block> pieces)
    {
        if (pieces.Count == 1)
        {
            var only = pieces[0];
            pieces.Clear();
            return only;
        }
        var released = pieces.Select(piece => piece.Release()).ToList();
        pieces.Clear();
        try
        {
            return new Block(cat(released.Select(r => r.x).ToArray(), 0), cat(released.Select(r => r.y).ToArray(), 0));
        }
        finally
        {
            foreach (var (x, y) in released)
            {
                x.Dispose();
                y.Dispose();
            }
        }
    }

    // Batching whole elements (batches of batches, or elements of a dataset defined elsewhere) stacks them,
    // which needs equal shapes, as in tf.data.
    private IEnumerable<Block> StackElements()
    {
        var pending = new List<(Tensor x, Tensor y)>();
        try
        {
            foreach (var block in upstream.Blocks())
            {
                pending.Add(block.Release());
                if (pending.Count == batchSize)
                    yield return Stack(pending);
            }
            if (pending.Count > 0 && !dropRemainder)
                yield return Stack(pending);
        }
        finally
        {
            Dispose(pending);
        }
    }

    private static Block Stack(List<(Tensor x, Tensor y)> elements)
    {
        try
        {
            RequireEqualShapes(elements, e => e.x, "x");
            RequireEqualShapes(elements, e => e.y, "y");
            return new Block(stack(elements.Select(e => e.x).ToArray(), 0), stack(elements.Select(e => e.y).ToArray(), 0));
        }
        finally
        {
            Dispose(elements);
        }
    }

    private static void RequireEqualShapes(List<(Tensor x, Tensor y)> elements, Func<(Tensor x, Tensor y), Tensor> part, string name)
    {
        var first = part(elements[0]).shape;
        for (int i = 1; i < elements.Count; i++)
        {
            if (part(elements[i]).shape.SequenceEqual(first)) continue;
            throw new InvalidOperationException(
                $"batch() stacks whole elements, so their {name} shapes must be equal: element 0 has {Shapes.Format(first)}, " +
                $"element {i} has {Shapes.Format(part(elements[i]).shape)}. If these are batches, give the inner batch() drop_remainder: true.");
        }
    }

    private static void Dispose(List<(Tensor x, Tensor y)> elements)
    {
        foreach (var (x, y) in elements)
        {
            x.Dispose();
            y.Dispose();
        }
        elements.Clear();
    }
}
