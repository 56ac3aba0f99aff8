using static TorchSharp.torch;

namespace KerasMnist.Datasets.Data;

/// <summary>
/// Base of the pipeline stages in this assembly: each stage produces blocks, and enumeration turns them
/// into elements only at the end of the pipeline.
/// </summary>
internal abstract class DatasetNode : Dataset
{
    internal abstract override IEnumerable<Block> Blocks();

    public sealed override IEnumerator<(Tensor x, Tensor y)> GetEnumerator() => Elements().GetEnumerator();

    private IEnumerable<(Tensor x, Tensor y)> Elements()
    {
        foreach (var block in Blocks())
        {
            using (block)
            {
                if (!RowBlocks)
                {
                    yield return HandOver(block.Release());
                    continue;
                }
                for (long i = 0, n = block.Length; i < n; i++)
                {
                    long row = block.SourceRow(i);
                    yield return HandOver((block.X.select(0, row), block.Y.select(0, row)));
                }
            }
        }
    }

    // Tensors may have been made on a prefetch thread or detached inside the pipeline: put them in the
    // consumer's scope (on the consumer's thread) so a per-step dispose scope frees them either way.
    private static (Tensor x, Tensor y) HandOver((Tensor x, Tensor y) element)
    {
        if (CurrentDisposeScope is { } scope)
        {
            scope.Attach(element.x);
            scope.Attach(element.y);
        }
        return element;
    }
}
