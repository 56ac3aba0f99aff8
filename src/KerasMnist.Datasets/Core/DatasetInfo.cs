namespace KerasMnist.Datasets.Core;

// CONTRACT STUB (the tfds work completes it: more members, ToString in tfds's layout).
/// <summary>The counterpart of <c>tfds.core.DatasetInfo</c>.</summary>
public sealed class DatasetInfo
{
    /// <summary><c>info.name</c>, e.g. <c>mnist</c>.</summary>
    public required string name { get; init; }

    /// <summary><c>info.features</c>: <c>image</c> and <c>label</c>.</summary>
    public required FeaturesDict features { get; init; }

    /// <summary><c>info.splits</c>: <c>splits["train"].num_examples</c>.</summary>
    public required IReadOnlyDictionary<string, SplitInfo> splits { get; init; }
}

/// <summary><c>tfds.features.FeaturesDict</c> of a supervised image dataset.</summary>
public sealed class FeaturesDict
{
    /// <summary><c>features['image']</c>.</summary>
    public required ImageFeature image { get; init; }

    /// <summary><c>features['label']</c>.</summary>
    public required ClassLabel label { get; init; }
}

/// <summary><c>tfds.features.Image</c>.</summary>
public sealed record ImageFeature(int[] shape, string dtype);

/// <summary><c>tfds.features.ClassLabel</c>.</summary>
public sealed record ClassLabel(IReadOnlyList<string> names)
{
    /// <summary><c>num_classes</c>.</summary>
    public int num_classes => names.Count;

    /// <summary><c>int2str(id)</c>.</summary>
    public string int2str(long id) => names[(int)id];
}

/// <summary><c>tfds.core.SplitInfo</c>.</summary>
public sealed record SplitInfo(string name, long num_examples, int num_shards = 1);
