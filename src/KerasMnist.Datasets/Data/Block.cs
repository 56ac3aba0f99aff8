using static TorchSharp.torch;

namespace KerasMnist.Datasets.Data;

/// <summary>
/// What flows between pipeline stages: tensors with the examples along axis 0, optionally as a lazy
/// gather (<see cref="Rows"/>) over shared source tensors, so that shuffle followed by batch copies each
/// batch once instead of each element once.
/// </summary>
/// <remarks>
/// A block owns its handles (fresh aliases or views, never the caller's handles), detached from any
/// TorchSharp dispose scope: pipeline state must survive a consumer's per-step scope. Whoever receives a
/// block disposes it or hands it on. Row positions are managed memory, so slicing and composing gathers
/// costs no native calls.
/// </remarks>
internal sealed class Block : IDisposable
{
    private Tensor? _x;
    private Tensor? _y;

    /// <summary>Takes ownership of <paramref name="x"/> and <paramref name="y"/>.</summary>
    /// <param name="x">Examples along axis 0.</param>
    /// <param name="y">Labels along axis 0.</param>
    /// <param name="rows">Positions along axis 0 of x and y this block stands for, in order; null means all rows.</param>
    public Block(Tensor x, Tensor y, ReadOnlyMemory<long>? rows = null)
    {
        _x = x.DetachFromDisposeScope();
        _y = y.DetachFromDisposeScope();
        Rows = rows;
    }

    public Tensor X => _x ?? throw new ObjectDisposedException(nameof(Block));

    public Tensor Y => _y ?? throw new ObjectDisposedException(nameof(Block));

    /// <summary>Positions into axis 0 of <see cref="X"/>/<see cref="Y"/>; null means all rows in order.</summary>
    public ReadOnlyMemory<long>? Rows { get; private set; }

    /// <summary>Number of rows this block stands for (elements of an unbatched stream).</summary>
    public long Length => Rows?.Length ?? X.shape[0];

    /// <summary>The source row of row <paramref name="i"/>.</summary>
    public long SourceRow(long i) => Rows is { } rows ? rows.Span[checked((int)i)] : i;

    /// <summary>Rows <paramref name="start"/> .. start+length as a new block sharing storage.</summary>
    public Block Slice(long start, long length) => Rows is { } rows
        ? new Block(X.alias(), Y.alias(), rows.Slice(checked((int)start), checked((int)length)))
        : new Block(X.narrow(0, start, length), Y.narrow(0, start, length));

    /// <summary>The rows at <paramref name="positions"/> (relative to this block) as a new lazy block.</summary>
    public Block Gather(long[] positions)
    {
        if (Rows is { } rows)
        {
            var span = rows.Span;
            for (int i = 0; i < positions.Length; i++)
                positions[i] = span[checked((int)positions[i])];
        }
        return new Block(X.alias(), Y.alias(), positions);
    }

    /// <summary>A new block that takes over this block's handles; this block is left empty.</summary>
    public Block Move()
    {
        var moved = new Block(X, Y, Rows);
        _x = _y = null;
        return moved;
    }

    /// <summary>
    /// Hands the block's rows to the caller as plain tensors (gathering a lazy block) and empties the block.
    /// </summary>
    public (Tensor x, Tensor y) Release()
    {
        if (Rows is { } rows)
        {
            var gathered = (RowGather.Gather(X, rows.Span), RowGather.Gather(Y, rows.Span));
            Dispose();
            return gathered;
        }
        var (x, y) = (X, Y);
        _x = _y = null;
        return (x, y);
    }

    /// <summary>Turns a lazy gather into plain tensors in place (the copy a prefetch worker makes ahead of the consumer).</summary>
    public void Materialize()
    {
        if (Rows is null) return;
        var (x, y) = Release();
        (_x, _y) = (x, y);
    }

    public void Dispose()
    {
        _x?.Dispose();
        _y?.Dispose();
        _x = _y = null;
        Rows = null;
    }
}
