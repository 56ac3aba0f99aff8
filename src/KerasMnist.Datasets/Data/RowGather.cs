using TorchSharp;
using static TorchSharp.torch;

namespace KerasMnist.Datasets.Data;

/// <summary>
/// <c>index_select(0, rows)</c> for the pipeline's batches. On contiguous CPU tensors it copies the rows in
/// managed code on the calling thread: a prefetch thread then never starts a second libtorch OpenMP team,
/// which would compete with (and, being more threads than cores, change the spinning of) the training
/// loop's team. Other tensors go through <c>index_select</c>.
/// </summary>
internal static class RowGather
{
    public static Tensor Gather(Tensor source, ReadOnlySpan<long> rows)
    {
        var shape = source.shape;
        long sourceRows = shape[0];
        shape[0] = rows.Length;
        if (!CanCopyDirectly(source) || sourceRows == 0)
        {
            using var index = tensor(rows.ToArray());
            return source.index_select(0, index);
        }
        var result = empty(shape, source.dtype).DetachFromDisposeScope();
        int rowBytes = checked((int)(source.NumberOfElements / sourceRows * source.element_size()));
        var from = source.bytes;
        var to = result.bytes;
        for (int i = 0; i < rows.Length; i++)
            from.Slice(checked((int)rows[i] * rowBytes), rowBytes).CopyTo(to.Slice(i * rowBytes, rowBytes));
        return result;
    }

    // Tensor.bytes is a span over the tensor's memory, so it needs contiguous CPU memory of at most 2 GB.
    private static bool CanCopyDirectly(Tensor source) =>
        source.device_type == DeviceType.CPU && source.is_contiguous() && source.NumberOfElements * source.element_size() <= int.MaxValue;
}
