using TorchSharp;
using static TorchSharp.torch;

namespace KerasMnist.Datasets.Data;

/// <summary>
/// What flows between pipeline stages: tensors with the examples along axis 0, optionally as a lazy
/// gather (<see cref="Rows"/>) over shared source tensors, so that shuffle followed by batch costs one
/// <c>index_select</c> per batch instead of one copy per element.
/// </summary>
/// <remarks>
/// A block owns its handles (fresh aliases or views, never the caller's handles), detached from any
/// TorchSharp dispose scope: pipeline state must survive a consumer's per-step scope. Whoever receives a
/// block disposes it or hands it on.
/// </remarks>
internal sealed class Block : IDisposable
{
    private Tensor? _x;
    private Tensor? _y;
    private Tensor? _rows;

    /// <summary>Takes ownership of <paramref name="x"/>, <paramref name="y"/> and <paramref name="rows"/>.</summary>
    public Block(Tensor x, Tensor y, Tensor? rows = null)
    {
        _x = x.DetachFromDisposeScope();
        _y = y.DetachFromDisposeScope();
        _rows = rows?.DetachFromDisposeScope();
    }

    public Tensor X => _x ?? throw new ObjectDisposedException(nameof(Block));

    public Tensor Y => _y ?? throw new ObjectDisposedException(nameof(Block));

    /// <summary>int64 positions into axis 0 of <see cref="X"/>/<see cref="Y"/>; null means all rows in order.</summary>
    public Tensor? Rows => _rows;

    /// <summary>Number of rows this block stands for (elements of an unbatched stream).</summary>
    public long Length => _rows is null ? X.shape[0] : _rows.shape[0];

    /// <summary>Rows <paramref name="start"/> .. start+length as a new block sharing storage.</summary>
    public Block Slice(long start, long length) => _rows is null
        ? new Block(X.narrow(0, start, length), Y.narrow(0, start, length))
        : new Block(X.alias(), Y.alias(), _rows.narrow(0, start, length));

    /// <summary>
    /// The rows at <paramref name="positions"/> (int64, relative to this block) as a new lazy block;
    /// takes ownership of <paramref name="positions"/>.
    /// </summary>
    public Block Gather(Tensor positions)
    {
        if (_rows is null) return new Block(X.alias(), Y.alias(), positions);
        using (positions) return new Block(X.alias(), Y.alias(), _rows.index_select(0, positions));
    }

    /// <summary>A new block that takes over this block's handles; this block is left empty.</summary>
    public Block Move()
    {
        var moved = new Block(X, Y, _rows);
        _x = _y = _rows = null;
        return moved;
    }

    /// <summary>
    /// Hands the block's rows to the caller as plain tensors (gathering a lazy block) and empties the block.
    /// </summary>
    public (Tensor x, Tensor y) Release()
    {
        var (x, y) = (X, Y);
        if (_rows is not null)
        {
            (x, y) = (x.index_select(0, _rows).DetachFromDisposeScope(), y.index_select(0, _rows).DetachFromDisposeScope());
            Dispose();
            return (x, y);
        }
        _x = _y = null;
        return (x, y);
    }

    /// <summary>The source row of each of this block's rows, read once for per-element enumeration.</summary>
    public long[]? RowPositions() => _rows?.data<long>().ToArray();

    public void Dispose()
    {
        _x?.Dispose();
        _y?.Dispose();
        _rows?.Dispose();
        _x = _y = _rows = null;
    }
}
