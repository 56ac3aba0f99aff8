using KerasMnist.Datasets.Core;
using KerasMnist.Datasets.Download;

namespace KerasMnist.Datasets.Builders;

/// <summary>One split of an IDX dataset: its image and label files and its size.</summary>
/// <param name="Name">Split name, <c>train</c> or <c>test</c>.</param>
/// <param name="Images">The official image file.</param>
/// <param name="Labels">The official label file.</param>
/// <param name="NumExamples">Examples in the split; files holding another count are rejected.</param>
public sealed record IdxSplit(string Name, UrlInfo Images, UrlInfo Labels, long NumExamples);

/// <summary>
/// Everything a tfds builder class (<c>tfds.image_classification.MNIST</c> and subclasses) declares about an
/// MNIST-format dataset: metadata for <see cref="DatasetInfo"/>, the official files with their checksums, the
/// mirrors to download them from, and system folders that may already hold them.
/// </summary>
public sealed record IdxDatasetDefinition
{
    /// <summary>Registered name, e.g. <c>mnist</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The tfds builder version whose metadata this mirrors.</summary>
    public required string Version { get; init; }

    /// <summary><c>info.description</c>.</summary>
    public required string Description { get; init; }

    /// <summary><c>info.homepage</c>.</summary>
    public required string Homepage { get; init; }

    /// <summary><c>info.citation</c>.</summary>
    public required string Citation { get; init; }

    /// <summary>Class names in label order.</summary>
    public required IReadOnlyList<string> ClassNames { get; init; }

    /// <summary>The splits, in the order <c>all</c> concatenates them.</summary>
    public required IReadOnlyList<IdxSplit> Splits { get; init; }

    /// <summary>Official base URLs, tried in order.</summary>
    public required IReadOnlyList<Uri> Mirrors { get; init; }

    /// <summary>tfds's published size of its prepared copy, shown as <c>dataset_size</c>.</summary>
    public required Size DatasetSize { get; init; }

    /// <summary>Folders a system package installs the files into, with a description for messages.</summary>
    public IReadOnlyList<(string Folder, string Description)> SystemDirs { get; init; } = [];

    /// <summary>Image height and width.</summary>
    public int ImageSize { get; init; } = 28;

    /// <summary>All official files, images before labels, split by split.</summary>
    public IEnumerable<UrlInfo> Files => Splits.SelectMany(s => new[] { s.Images, s.Labels });

    /// <summary>Total size of the official downloads.</summary>
    public Size DownloadSize => new(Files.Sum(f => f.size));
}
