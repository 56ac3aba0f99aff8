using KerasMnist.Datasets.Core;

namespace KerasMnist.Datasets.Builders;

/// <summary>The datasets <c>tfds.load</c> knows (<c>tfds.list_builders()</c>).</summary>
public static class DatasetRegistry
{
    private static readonly IdxDatasetDefinition[] Definitions = [Mnist.Definition, FashionMnist.Definition];

    /// <summary>Registered names: <c>mnist</c>, <c>fashion_mnist</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Definitions.Select(d => d.Name)];

    /// <summary>The definition registered as <paramref name="name"/>.</summary>
    /// <exception cref="DatasetException">No dataset has that name; the message lists the names.</exception>
    public static IdxDatasetDefinition Find(string name) =>
        Definitions.FirstOrDefault(d => d.Name == name)
        ?? throw new DatasetException(
            $"Unknown dataset '{name}'. This port of tensorflow_datasets provides: {string.Join(", ", Names)}.");

    /// <summary>
    /// Official sha256 of every registered file and of its decompressed content, mapped to its dataset: recognises a
    /// folder of another dataset, compressed or not.
    /// </summary>
    public static IReadOnlyDictionary<string, string> OfficialChecksums { get; } =
        Definitions.SelectMany(d => d.Files.SelectMany(f => new[] { f.sha256, f.content_sha256 }).OfType<string>().Select(sha256 => (sha256, d.Name)))
            .ToDictionary(p => p.sha256, p => p.Name);
}
