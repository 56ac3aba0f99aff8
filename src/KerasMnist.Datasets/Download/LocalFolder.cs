namespace KerasMnist.Datasets.Download;

/// <summary>A local file whose data is not the official file's.</summary>
/// <param name="Path">The local file.</param>
/// <param name="Official">What the official file is.</param>
/// <param name="Comparable">True when its decompressed content was compared with the official content and differs;
/// false when the file is not the official file byte for byte and no checksum of the official content is known, so
/// whether it holds the same images or labels cannot be told.</param>
public sealed record ChecksumMismatch(string Path, UrlInfo Official, bool Comparable);

/// <summary>
/// What a folder holds of a dataset's files. Only a folder with every file is usable. Each file is compared with the
/// official one: a <c>.gz</c> file by its sha256 first; a file that is not the official file byte for byte (another
/// gzip encoding, or stored uncompressed) by the sha256 of its decompressed content, so a copy that was only
/// re-compressed counts as official and only one whose images or labels differ is a mismatch.
/// </summary>
/// <param name="Folder">The folder.</param>
/// <param name="Exists">Whether the folder exists.</param>
/// <param name="Paths">File name (official, <c>.gz</c>) to the local path found for it: the <c>.gz</c> or the uncompressed name.</param>
/// <param name="Missing">Official files with neither name present.</param>
/// <param name="Mismatches">Files present whose data differs from the official one (only filled when complete).</param>
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
    /// <param name="officialChecksums">sha256 of every registered dataset's files and of their decompressed contents,
    /// to the dataset's name.</param>
    /// <param name="contentSha256">The sha256 of a file's decompressed content, or null when it cannot be read
    /// completely (the reader reports that when the file is parsed).</param>
    public static LocalFolder Inspect(string folder, string dataset, IEnumerable<UrlInfo> files,
        IReadOnlyDictionary<string, string> officialChecksums, Func<string, string?> contentSha256)
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
            if (path.EndsWith(".gz", StringComparison.Ordinal))
            {
                // The official file itself (a download, a copy of one) is recognised without decompressing it.
                var (_, sha256) = UrlInfo.Measure(path);
                if (sha256 == file.sha256)
                    continue;
                if (officialChecksums.TryGetValue(sha256, out var owner) && owner != dataset)
                {
                    other ??= owner;
                    continue;
                }
            }
            // Not the official bytes: what counts is the content, which re-compressing or decompressing keeps.
            string? content = contentSha256(path);
            if (content is null || content == file.content_sha256)
                continue;
            if (officialChecksums.TryGetValue(content, out var contentOwner) && contentOwner != dataset)
                other ??= contentOwner;
            else
                mismatches.Add(new ChecksumMismatch(path, file, Comparable: file.content_sha256 is not null));
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
