namespace KerasMnist.Datasets.Data;

/// <summary>
/// <c>Dataset.prefetch</c>: each pass runs the upstream on background threads. After <c>batch</c> the workers
/// also make the batch copies, so the consumer receives finished tensors.
/// </summary>
internal sealed class PrefetchDataset(Dataset upstream, int bufferSize) : DatasetNode
{
    /// <summary>
    /// What <c>tf.data.AUTOTUNE</c> means here. tf.data tunes the buffer at run time; a few batches are
    /// enough to hide the hand-over, because a cached pipeline makes a batch much faster than a step uses one.
    /// </summary>
    internal const int AutotuneBufferSize = 4;

    internal override bool RowBlocks => upstream.RowBlocks;

    public override long cardinality() => upstream.cardinality();

    internal override IEnumerable<Block> Blocks()
    {
        using var producer = new PrefetchProducer(upstream, bufferSize == tf.data.AUTOTUNE ? AutotuneBufferSize : bufferSize, materialize: !RowBlocks);
        while (producer.TryTake(out var block))
            yield return block;
    }
}
