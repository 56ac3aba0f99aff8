using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
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
    // Rows a shuffled batch reads lie scattered over the cache, so the hardware prefetchers cannot see the
    // next one coming; requesting rows this far ahead cut the gather's CPU time by about a third on MNIST.
    private const int PrefetchDistance = 4;
    private const int CacheLine = 64;

    public static Tensor Gather(Tensor source, ReadOnlySpan<long> rows)
    {
        var shape = source.shape;
        long sourceRows = shape[0];
        shape[0] = rows.Length;
        foreach (long row in rows)
            if ((ulong)row >= (ulong)sourceRows)
                throw new IndexOutOfRangeException($"row {row} is outside the {sourceRows} rows of the source");
        if (!CanCopyDirectly(source))
        {
            using var index = tensor(rows.ToArray());
            return source.index_select(0, index);
        }
        var result = empty(shape, source.dtype).DetachFromDisposeScope();
        long rowBytes = sourceRows == 0 ? 0 : source.NumberOfElements / sourceRows * source.element_size();
        Copy(source.bytes, result.bytes, rows, rowBytes);
        return result;
    }

    // The copy loop is the pipeline's hot path from the first batch on: skip the unoptimised first JIT tier.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Copy(Span<byte> source, Span<byte> target, ReadOnlySpan<long> rows, long rowBytes)
    {
        fixed (byte* from = source)
        fixed (byte* to = target)
        {
            for (int i = 0; i < Math.Min(PrefetchDistance, rows.Length); i++)
                Prefetch(from + rows[i] * rowBytes, rowBytes);
            for (int i = 0; i < rows.Length; i++)
            {
                if (i + PrefetchDistance < rows.Length)
                    Prefetch(from + rows[i + PrefetchDistance] * rowBytes, rowBytes);
                Buffer.MemoryCopy(from + rows[i] * rowBytes, to + i * rowBytes, rowBytes, rowBytes);
            }
        }
    }

    private static unsafe void Prefetch(byte* row, long bytes)
    {
        if (!Sse.IsSupported) return;
        for (long offset = 0; offset < bytes; offset += CacheLine)
            Sse.Prefetch0(row + offset);
    }

    // Tensor.bytes is a span over the tensor's memory, so it needs contiguous CPU memory of at most 2 GB.
    private static bool CanCopyDirectly(Tensor source) =>
        source.device_type == DeviceType.CPU && source.is_contiguous() && source.NumberOfElements * source.element_size() <= int.MaxValue;
}
