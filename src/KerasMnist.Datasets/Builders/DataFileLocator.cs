using System.Text;
using KerasMnist.Datasets.Core;
using KerasMnist.Datasets.Download;

namespace KerasMnist.Datasets.Builders;

/// <summary>The folder a dataset's files were found in and each file's path there.</summary>
/// <param name="Folder">The folder read from; becomes <c>info.data_dir</c>.</param>
/// <param name="Paths">Official file name to local path (the <c>.gz</c> or the uncompressed file).</param>
/// <param name="Mismatches">The local files whose images or labels differ from the official ones (or cannot be
/// compared); <see cref="DataFileLocator.Warn"/> names those a load reads.</param>
public sealed record LocatedFiles(string Folder, IReadOnlyDictionary<string, string> Paths, IReadOnlyList<ChecksumMismatch> Mismatches);

/// <summary>
/// Finds a dataset's files, downloading them when needed (the part of tfds's <c>download_and_prepare</c> this port
/// keeps: it reads the IDX files in place and prepares no TFRecords). This is the one place that decides where data
/// comes from; every other type and message refers here. The places, in order:
/// <list type="number">
/// <item><c>data_dir</c> (<c>tfds.load(data_dir=...)</c>, the CLI's <c>--data-dir</c>), or else the folder in
/// <c>KERASMNIST_DATA_DIR</c>: its <c>&lt;name&gt;</c> subfolder if it has one (a tfds-style root), then the folder itself,
/// read in place;</item>
/// <item>the user cache, <c>&lt;cache root&gt;/&lt;name&gt;</c> (<see cref="CachePaths"/>);</item>
/// <item>the folders a system package installs (<see cref="IdxDatasetDefinition.SystemDirs"/>, e.g. Debian's
/// <c>/usr/share/datasets/fashion-mnist</c>);</item>
/// <item>a verified download from the mirrors (<c>KERASMNIST_MIRRORS</c>, else the official ones) into the user cache,
/// unless <c>download: false</c>.</item>
/// </list>
/// The first folder holding every file wins; a folder whose files belong to another registered dataset is passed
/// over. Local files are compared with the official ones by their decompressed content, so a re-compressed copy is
/// used silently and one whose images or labels differ is used with one warning line, given once per output (per
/// process in a program) and only for the files of the splits read; downloads must match exactly. Notes and warnings go
/// to <see cref="LibraryOutput.Current"/>.
/// </summary>
public static class DataFileLocator
{
    /// <summary>
    /// Locates (and if needed downloads) the files of <paramref name="definition"/>, then <see cref="Warn"/>s about
    /// the local files of <paramref name="splits"/> that differ from the official ones.
    /// </summary>
    /// <param name="definition">The dataset.</param>
    /// <param name="options">Where to look and whether to download.</param>
    /// <param name="splits">Split names (<c>train</c>, <c>test</c>) whose files will be read; null for every split,
    /// empty to warn about none yet (<see cref="DatasetBuilder"/> warns per split it reads).</param>
    /// <exception cref="DatasetException">No folder holds the files and they could not be downloaded; the message
    /// says where it looked, why each download failed, and how to fix it.</exception>
    public static LocatedFiles Locate(IdxDatasetDefinition definition, DataSourceOptions options, IReadOnlyCollection<string>? splits = null)
    {
        var located = Find(definition, options);
        Warn(located, definition, splits ?? [.. definition.Splits.Select(s => s.Name)]);
        return located;
    }

    private static LocatedFiles Find(IdxDatasetDefinition definition, DataSourceOptions options)
    {
        var looked = new List<string>();
        foreach (var (folder, label, configured) in Candidates(definition, options))
        {
            var scan = Inspect(folder, definition);
            if (scan.Complete && scan.OtherDataset is null)
                return Use(scan);
            looked.Add($"  - {folder} ({label}): {scan.Describe()}");
            if (configured)
                LibraryOutput.Current.WriteLine($"note: {folder} ({label}) {scan.Describe()}; looking elsewhere for {definition.Name}.");
        }
        if (DataDir(options) is null)
            looked.Insert(0, $"  - data_dir / {DataSourceOptions.DataDirVariable}: not set");

        string cache = CacheFolder(definition, options);
        if (!options.Download)
            throw NotFound(definition, options, looked, "downloading is switched off (download: false)");
        try
        {
            var present = Inspect(cache, definition);
            var downloader = new Downloader(options.Mirrors ?? definition.Mirrors, options.ReadTimeout);
            foreach (var file in present.Missing)
                downloader.Download(file, cache);
        }
        catch (DatasetException e)
        {
            throw NotFound(definition, options, looked, $"downloading failed: {e.Message}");
        }
        var downloaded = Inspect(cache, definition);
        if (downloaded.OtherDataset is not null)
            throw new DatasetException(
                $"{cache} holds files of {downloaded.OtherDataset}, not {definition.Name}. Delete that folder and run again.", cache);
        return Use(downloaded);
    }

    /// <summary>The user-cache folder of a dataset: <c>&lt;cache root&gt;/&lt;name&gt;</c>.</summary>
    public static string CacheFolder(IdxDatasetDefinition definition, DataSourceOptions options) =>
        Path.Combine(options.CacheRoot, definition.Name);

    private static IEnumerable<(string Folder, string Label, bool Configured)> Candidates(IdxDatasetDefinition definition, DataSourceOptions options)
    {
        if (DataDir(options) is (string dir, string origin))
        {
            string full = Path.GetFullPath(dir);
            // A data_dir may be a root holding one subfolder per dataset, like tfds's data_dir.
            string sub = Path.Combine(full, definition.Name);
            if (Directory.Exists(sub))
                yield return (sub, origin, true);
            yield return (full, origin, true);
        }
        yield return (CacheFolder(definition, options), "user cache", false);
        if (options.UseSystemDirs)
            foreach (var (folder, description) in definition.SystemDirs)
                yield return (folder, description, false);
    }

    // The argument wins over the environment variable, as an explicit tfds.load(data_dir=...) wins in tfds.
    private static (string Folder, string Origin)? DataDir(DataSourceOptions options) =>
        options.DataDir is { } dir ? (dir, "data_dir")
        : options.EnvironmentDataDir is { } env ? (env, DataSourceOptions.DataDirVariable)
        : null;

    private static LocalFolder Inspect(string folder, IdxDatasetDefinition definition) =>
        LocalFolder.Inspect(folder, definition.Name, definition.Files, DatasetRegistry.OfficialChecksums, DataFileReader.TryContentSha256);

    private static LocatedFiles Use(LocalFolder folder) => new(folder.Folder, folder.Paths, folder.Mismatches);

    /// <summary>
    /// Writes one warning line naming the local files of <paramref name="splits"/> whose images or labels differ
    /// from the official ones (or cannot be compared), leaving out files already named through the current
    /// <see cref="LibraryOutput"/>: a program installs one output per process, so each (dataset, folder, file) is
    /// named once however many loads read it, as Python shows a warning once per place. A copy that was only
    /// re-compressed, like Debian's, is the official data and is never named.
    /// </summary>
    /// <param name="files">What <see cref="Locate"/> found.</param>
    /// <param name="definition">The dataset.</param>
    /// <param name="splits">Split names (<c>train</c>, <c>test</c>) whose files are read.</param>
    public static void Warn(LocatedFiles files, IdxDatasetDefinition definition, IEnumerable<string> splits)
    {
        var read = definition.Splits.Where(s => splits.Contains(s.Name)).SelectMany(s => new[] { s.Images, s.Labels }).ToHashSet();
        var output = LibraryOutput.Current;
        var news = files.Mismatches
            .Where(m => read.Contains(m.Official) && output.FirstTime($"{definition.Name}\n{files.Folder}\n{m.Path}"))
            .ToList();
        if (news.Count > 0)
            output.WriteLine(
                $"warning: {definition.Name} in {files.Folder}: {string.Join("; ", news.Select(m => Describe(m, definition)))}. " +
                (news.Count == 1
                    ? "It is read as it is; if results look wrong, replace it with the official file."
                    : "They are read as they are; if results look wrong, replace them with the official files."));
    }

    private static string Describe(ChecksumMismatch mismatch, IdxDatasetDefinition definition)
    {
        var split = definition.Splits.First(s => s.Images == mismatch.Official || s.Labels == mismatch.Official);
        string what = $"{split.Name} {(split.Images == mismatch.Official ? "images" : "labels")}";
        string file = Path.GetFileName(mismatch.Path);
        return mismatch.Comparable
            ? $"the {what} in {file} differ from the official ones"
            : $"{file} is not the official file, and no checksum of the official {what} is known to compare its content with";
    }

    private static DatasetException NotFound(IdxDatasetDefinition definition, DataSourceOptions options, List<string> looked, string why)
    {
        string cache = CacheFolder(definition, options);
        string names = string.Join(", ", definition.Files.Select(f => f.filename));
        var message = new StringBuilder()
            .Append($"Cannot load {definition.Name}: its data files were not found on this machine and {why}\n")
            .Append($"Needed: {names} (or the same names without .gz).\n")
            .Append("Looked in:\n").Append(string.Join("\n", looked)).Append('\n')
            .Append("To fix it, either\n");
        var remedies = new List<string>
        {
            $"  - pass --data-dir DIR (in code: tfds.load(..., data_dir: DIR)) or set {DataSourceOptions.DataDirVariable}=DIR, where DIR is a folder holding those four files",
            $"  - connect to the internet and run again, so they are downloaded ({definition.DownloadSize}) into {cache}",
        };
        foreach (var (folder, description) in definition.SystemDirs)
            remedies.Add($"  - install the {description}, which puts them in {folder}");
        message.Append(string.Join(", or\n", remedies));
        return new DatasetException(message.Append('.').ToString(), cache);
    }
}
