namespace KerasMnist.Datasets.Core;

/// <summary>
/// <c>tfds.core.SplitInfo</c>: a whole split as stored (a slice loaded with <c>train[:70%]</c> does not
/// change it, as in tfds).
/// </summary>
/// <param name="name">The split name, <c>train</c> or <c>test</c>.</param>
/// <param name="num_examples">Examples in the whole split.</param>
/// <param name="num_shards">Files the split is stored in; MNIST and Fashion-MNIST have one per split.</param>
public sealed record SplitInfo(string name, long num_examples, int num_shards = 1)
{
    /// <summary>tfds's repr: <c>&lt;SplitInfo num_examples=60000, num_shards=1&gt;</c>.</summary>
    public override string ToString() => $"<SplitInfo num_examples={num_examples}, num_shards={num_shards}>";
}
