using static TorchSharp.torch;

namespace KerasMnist.Datasets.Data;

/// <summary><c>Dataset.from_tensor_slices((x, y))</c>: the source as views of consecutive rows.</summary>
internal sealed class TensorSliceDataset : DatasetNode
{
    /// <summary>
    /// Rows per block. Blocks keep a whole-block map's temporaries small (8192 MNIST images are 25 MB as
    /// float32) and let prefetch overlap mapping one block with consuming the previous one.
    /// </summary>
    internal const long BlockRows = 8192;

    private readonly Tensor _x;
    private readonly Tensor _y;

    // Own handles, outside any dispose scope: the caller may dispose theirs, the storage stays shared.
    public TensorSliceDataset(Tensor x, Tensor y)
    {
        _x = x.alias().DetachFromDisposeScope();
        _y = y.alias().DetachFromDisposeScope();
    }

    internal override bool RowBlocks => true;

    public override long cardinality() => _x.shape[0];

    internal override IEnumerable<Block> Blocks()
    {
        long rows = _x.shape[0];
        for (long start = 0; start < rows; start += BlockRows)
        {
            long length = Math.Min(BlockRows, rows - start);
            yield return new Block(_x.narrow(0, start, length), _y.narrow(0, start, length));
        }
    }
}
