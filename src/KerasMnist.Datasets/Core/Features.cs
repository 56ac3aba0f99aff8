namespace KerasMnist.Datasets.Core;

/// <summary><c>tfds.features.FeaturesDict</c> of a supervised image dataset: <c>image</c> and <c>label</c>.</summary>
public sealed class FeaturesDict
{
    /// <summary><c>features['image']</c>.</summary>
    public required ImageFeature image { get; init; }

    /// <summary><c>features['label']</c>.</summary>
    public required ClassLabel label { get; init; }

    /// <summary>Python-style indexing, <c>features["label"]</c>, for code ported from <c>ds_info.features['label']</c>.</summary>
    /// <exception cref="KeyNotFoundException">For any key other than <c>image</c> and <c>label</c>.</exception>
    public object this[string key] => key switch
    {
        "image" => image,
        "label" => label,
        _ => throw new KeyNotFoundException($"features['{key}']: this dataset has the features 'image' and 'label'."),
    };

    /// <summary>tfds's repr: <c>FeaturesDict({ 'image': Image(...), 'label': ClassLabel(...), })</c> over several lines.</summary>
    public override string ToString() =>
        $"FeaturesDict({{\n    'image': {image},\n    'label': {label},\n}})";
}

/// <summary><c>tfds.features.Image</c>: shape <c>(28, 28, 1)</c>, dtype <c>uint8</c> for MNIST.</summary>
/// <param name="shape">Height, width, channels.</param>
/// <param name="dtype">The numpy dtype name, <c>uint8</c>.</param>
public sealed record ImageFeature(int[] shape, string dtype)
{
    /// <summary>tfds's repr: <c>Image(shape=(28, 28, 1), dtype=uint8)</c>.</summary>
    public override string ToString() => $"Image(shape=({string.Join(", ", shape)}), dtype={dtype})";
}

/// <summary><c>tfds.features.ClassLabel</c>: integer labels <c>0..num_classes-1</c> with names.</summary>
/// <param name="names">One name per class; MNIST's are <c>"0".."9"</c>.</param>
public sealed record ClassLabel(IReadOnlyList<string> names)
{
    /// <summary><c>num_classes</c>.</summary>
    public int num_classes => names.Count;

    /// <summary><c>int2str(id)</c>: the name of class <paramref name="id"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="id"/> is not a class id.</exception>
    public string int2str(long id) =>
        id >= 0 && id < names.Count
            ? names[(int)id]
            : throw new ArgumentOutOfRangeException(nameof(id), id, $"Class ids run from 0 to {names.Count - 1}.");

    /// <summary><c>str2int(name)</c>: the id of the class called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">When no class has that name.</exception>
    public long str2int(string name)
    {
        for (int i = 0; i < names.Count; i++)
            if (names[i] == name)
                return i;
        throw new ArgumentException($"No class is called '{name}'; the names are: {string.Join(", ", names)}.", nameof(name));
    }

    /// <summary>tfds's repr: <c>ClassLabel(shape=(), dtype=int64, num_classes=10)</c>.</summary>
    public override string ToString() => $"ClassLabel(shape=(), dtype=int64, num_classes={num_classes})";
}
