namespace KerasMnist.Datasets.Download;

/// <summary>A local file whose checksum differs from the official one.</summary>
/// <param name="Path">The local file.</param>
/// <param name="Official">What the official file is.</param>
/// <param name="Size">The local file's size.</param>
/// <param name="Sha256">The local file's sha256.</param>
public sealed record ChecksumMismatch(string Path, UrlInfo Official, long Size, string Sha256);

/// <summary>
/// What a folder holds of a dataset's files. Only a folder with every file is usable; its <c>.gz</c> files are
/// hashed and compared with the official checksums (uncompressed files have no official checksum to compare).
/// </summary>
/// <param name="Folder">The folder.</param>
/// <param name="Exists">Whether the folder exists.</param>
/// <param name="Paths">File name (official, <c>.gz</c>) to the local path found for it: the <c>.gz</c> or the uncompressed name.</param>
/// <param name="Missing">Official files with neither name present.</param>
/// <param name="Mismatches">Files present whose checksum differs from the official one (only filled when complete).</param>
/// <param name="OtherDataset">The registered dataset some file belongs to, when it is not this one (only filled when complete).</param>
public sealed record LocalFolder(
    string Folder, bool Exists, IReadOnlyDictionary<string, string> Paths, IReadOnlyList<UrlInfo> Missing,
    IReadOnlyList<ChecksumMismatch> Mismatches, string? OtherDataset)
{
    /// <summary>Every file is present.</summary>
    public bool Complete => Exists && Missing.Count == 0;

    /// <summary>Looks for <paramref name="files"/> in <paramref name="folder"/>.</summary>
    /// <param name="folder">The folder to inspect.</param>
    /// <param name="dataset">The dataset being loaded.</param>
    /// <param name="files">Its official files.</param>
    /// <param name="officialChecksums">sha256 of every registered dataset's files to its dataset name.</param>
    public static LocalFolder Inspect(string folder, string dataset, IEnumerable<UrlInfo> files,
        IReadOnlyDictionary<string, string> officialChecksums)
    {
        var wanted = files.ToList();
        if (!Directory.Exists(folder))
            return new LocalFolder(folder, false, new Dictionary<string, string>(), wanted, [], null);

        var paths = new Dictionary<string, string>();
        var missing = new List<UrlInfo>();
        foreach (var file in wanted)
        {
            string gz = Path.Combine(folder, file.filename), raw = Path.Combine(folder, file.uncompressed_filename);
            if (File.Exists(gz)) paths[file.filename] = gz;
            else if (File.Exists(raw)) paths[file.filename] = raw;
            else missing.Add(file);
        }
        if (missing.Count > 0)
            return new LocalFolder(folder, true, paths, missing, [], null);

        var mismatches = new List<ChecksumMismatch>();
        string? other = null;
        foreach (var file in wanted)
        {
            string path = paths[file.filename];
            if (path.EndsWith(".gz", StringComparison.Ordinal) is false)
                continue;
            var (size, sha256) = UrlInfo.Measure(path);
            if (sha256 == file.sha256)
                continue;
            if (officialChecksums.TryGetValue(sha256, out var owner) && owner != dataset)
                other ??= owner;
            else
                mismatches.Add(new ChecksumMismatch(path, file, size, sha256));
        }
        return new LocalFolder(folder, true, paths, missing, mismatches, other);
    }

    /// <summary>One line saying why the folder cannot be used, for error messages.</summary>
    public string Describe() =>
        !Exists ? "does not exist"
        : Missing.Count > 0 ? $"lacks {string.Join(", ", Missing.Select(f => f.filename))}"
        : OtherDataset is not null ? $"holds {OtherDataset}, not this dataset"
        : "holds every file";
}
