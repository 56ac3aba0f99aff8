using KerasMnist.Datasets.Builders;
using KerasMnist.Datasets.Core;
using KerasMnist.Datasets.Data;
using KerasMnist.Datasets.Download;

namespace KerasMnist.Datasets;

/// <summary>
/// The counterpart of <c>tensorflow_datasets</c> (<c>import tensorflow_datasets as tfds</c>) for <c>mnist</c> and
/// <c>fashion_mnist</c>. The notebook's cell ports as
/// <code>
/// var ((ds_train, ds_valid, ds_test), ds_info) = tfds.load("mnist",
///     split: new[] { "train[:70%]", "train[70%:]", "test" },
///     shuffle_files: true, as_supervised: true, with_info: true);
/// </code>
/// </summary>
/// <remarks>
/// <para>Where the data comes from (data_dir, <c>KERASMNIST_DATA_DIR</c>, the user cache, system packages, a verified
/// download) is described, and decided, in one place: <see cref="DataFileLocator"/>.</para>
/// <para>Differences from tfds: slices address the order of the IDX files, whereas tfds shuffled the records once
/// when it prepared them, so <c>train[:70%]</c> holds the first 42,000 training images here and a different fixed
/// 42,000 in tfds. <c>shuffle_files</c> changes nothing (one file per split; tfds's MNIST has one shard per split
/// too). Elements are always (image, label) pairs: with <c>as_supervised: false</c>, where tfds yields
/// <c>{'image', 'label'}</c> dicts, this typed Dataset yields the same pairs. C# fixes the return type at compile
/// time, so the <c>with_info</c> overloads return <c>(datasets, info)</c> and exist only for
/// <c>with_info: true</c>; leave the argument out to get the datasets alone.</para>
/// </remarks>
public static class tfds
{
    /// <summary><c>tfds.load(name, split=...)</c> for one split.</summary>
    /// <param name="name"><c>mnist</c> or <c>fashion_mnist</c>.</param>
    /// <param name="split">A split string: <c>train</c>, <c>test</c>, <c>train[:70%]</c>, <c>train[1000:2000]</c>, <c>train[:10%]+test</c>, ...</param>
    /// <param name="data_dir">A folder holding the data files; null searches the other places (see <see cref="DataFileLocator"/>).</param>
    /// <param name="shuffle_files">Accepted; no effect (one file per split).</param>
    /// <param name="download">False never downloads; loading fails if no local copy exists.</param>
    /// <param name="as_supervised">Accepted; elements are (image, label) pairs either way.</param>
    /// <returns>A Dataset of (image uint8 (28,28,1), label int64) elements.</returns>
    /// <exception cref="DatasetException">Unknown name or split, malformed split, missing/invalid files, failed download.</exception>
    public static Dataset load(string name, string split, string? data_dir = null, bool shuffle_files = false,
        bool download = true, bool as_supervised = false)
    {
        using var b = builder(name, data_dir, download);
        return b.as_dataset(split, shuffle_files, as_supervised);
    }

    /// <summary><c>ds, info = tfds.load(name, split=..., with_info=True)</c> for one split.</summary>
    /// <param name="name"><c>mnist</c> or <c>fashion_mnist</c>.</param>
    /// <param name="split">A split string such as <c>train[:70%]</c>.</param>
    /// <param name="with_info">Must be true (see the class remarks).</param>
    /// <param name="data_dir">A folder holding the data files; null searches the other places (see <see cref="DataFileLocator"/>).</param>
    /// <param name="shuffle_files">Accepted; no effect (one file per split).</param>
    /// <param name="download">False never downloads; loading fails if no local copy exists.</param>
    /// <param name="as_supervised">Accepted; elements are (image, label) pairs either way.</param>
    /// <exception cref="DatasetException">Unknown name or split, malformed split, missing/invalid files, failed download.</exception>
    /// <exception cref="ArgumentException"><paramref name="with_info"/> is false.</exception>
    /// <returns>The Dataset and the <see cref="DatasetInfo"/>.</returns>
    public static (Dataset dataset, DatasetInfo info) load(string name, string split, bool with_info, string? data_dir = null,
        bool shuffle_files = false, bool download = true, bool as_supervised = false)
    {
        RequireWithInfo(with_info);
        using var b = builder(name, data_dir, download);
        var dataset = b.as_dataset(split, shuffle_files, as_supervised);
        return (dataset, b.info);
    }

    /// <summary><c>tfds.load(name, split=[...])</c>: one Dataset per split string, in order.</summary>
    /// <param name="name"><c>mnist</c> or <c>fashion_mnist</c>.</param>
    /// <param name="split">Split strings, e.g. <c>new[] { "train[:70%]", "train[70%:]", "test" }</c>.</param>
    /// <param name="data_dir">A folder holding the data files; null searches the other places (see <see cref="DataFileLocator"/>).</param>
    /// <param name="shuffle_files">Accepted; no effect (one file per split).</param>
    /// <param name="download">False never downloads; loading fails if no local copy exists.</param>
    /// <param name="as_supervised">Accepted; elements are (image, label) pairs either way.</param>
    /// <returns>The datasets; deconstruct with <c>var (a, b, c) = ...</c>.</returns>
    /// <exception cref="DatasetException">Unknown name or split, malformed split, missing/invalid files, failed download.</exception>
    public static DatasetList load(string name, IReadOnlyList<string> split, string? data_dir = null, bool shuffle_files = false,
        bool download = true, bool as_supervised = false)
    {
        using var b = builder(name, data_dir, download);
        return LoadAll(b, split, shuffle_files, as_supervised);
    }

    /// <summary><c>(ds_train, ds_valid, ds_test), ds_info = tfds.load(name, split=[...], with_info=True)</c>.</summary>
    /// <param name="name"><c>mnist</c> or <c>fashion_mnist</c>.</param>
    /// <param name="split">Split strings, e.g. <c>new[] { "train[:70%]", "train[70%:]", "test" }</c>.</param>
    /// <param name="with_info">Must be true (see the class remarks).</param>
    /// <param name="data_dir">A folder holding the data files; null searches the other places (see <see cref="DataFileLocator"/>).</param>
    /// <param name="shuffle_files">Accepted; no effect (one file per split).</param>
    /// <param name="download">False never downloads; loading fails if no local copy exists.</param>
    /// <param name="as_supervised">Accepted; elements are (image, label) pairs either way.</param>
    /// <exception cref="DatasetException">Unknown name or split, malformed split, missing/invalid files, failed download.</exception>
    /// <exception cref="ArgumentException"><paramref name="with_info"/> is false.</exception>
    /// <returns>The datasets (deconstructible) and the <see cref="DatasetInfo"/>.</returns>
    public static (DatasetList datasets, DatasetInfo info) load(string name, IReadOnlyList<string> split, bool with_info,
        string? data_dir = null, bool shuffle_files = false, bool download = true, bool as_supervised = false)
    {
        RequireWithInfo(with_info);
        using var b = builder(name, data_dir, download);
        var datasets = LoadAll(b, split, shuffle_files, as_supervised);
        return (datasets, b.info);
    }

    /// <summary>
    /// <c>tfds.builder(name, data_dir=...)</c>: the builder, for <c>info</c> without loading, or
    /// <c>download_and_prepare()</c> / <c>as_dataset(split)</c> step by step. Dispose it when done.
    /// </summary>
    /// <exception cref="DatasetException">Unknown name, or <c>KERASMNIST_MIRRORS</c> is malformed.</exception>
    public static DatasetBuilder builder(string name, string? data_dir = null, bool download = true) =>
        new(DatasetRegistry.Find(name), DataSourceOptions.FromEnvironment(data_dir, download));

    /// <summary><c>tfds.builder(name)</c> with explicit data-source options (folders, cache, mirrors, output).</summary>
    /// <exception cref="DatasetException">Unknown name.</exception>
    public static DatasetBuilder builder(string name, DataSourceOptions options) => new(DatasetRegistry.Find(name), options);

    /// <summary><c>tfds.list_builders()</c>: <c>mnist</c>, <c>fashion_mnist</c>.</summary>
    public static IReadOnlyList<string> list_builders() => DatasetRegistry.Names;

    private static DatasetList LoadAll(DatasetBuilder b, IReadOnlyList<string> splits, bool shuffle_files, bool as_supervised)
    {
        ArgumentNullException.ThrowIfNull(splits);
        if (splits.Count == 0)
            throw new DatasetException($"tfds.load got an empty split list; give at least one split.\n{SplitSpec.Grammar}");
        b.prepare(splits); // one warning line for all the splits' files
        return new DatasetList([.. splits.Select(s => b.as_dataset(s, shuffle_files, as_supervised))]);
    }

    private static void RequireWithInfo(bool with_info)
    {
        if (!with_info)
            throw new ArgumentException(
                "with_info: false - leave the argument out instead: tfds.load without with_info returns the datasets alone. " +
                "(C# decides the return type at compile time, so the with_info overloads always return (datasets, info).)",
                nameof(with_info));
    }
}
