namespace KerasMnist.Cli;

/// <summary>Checks the output folder before any long work, so a run never fails at its last plot.</summary>
public static class OutputFolder
{
    /// <summary>
    /// Creates <paramref name="path"/> if missing and proves it writable with a probe file. Returns the outermost
    /// folder this call created (null when <paramref name="path"/> existed), for <see cref="RemoveIfEmpty"/>.
    /// </summary>
    /// <exception cref="IOException">The path is a file, or cannot be created or written; the message says what to do.</exception>
    public static string? EnsureWritable(string path)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
            throw new IOException($"the output folder '{path}' is a file, not a folder. Choose another one with --output DIR.");
        var created = OutermostMissing(full);
        try
        {
            Directory.CreateDirectory(full);
            // DeleteOnClose: the probe never outlives the check, even if the process dies right here.
            var probe = Path.Combine(full, $".kerasmnist-write-test-{Environment.ProcessId}");
            using (new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException(
                $"the output folder '{path}' cannot be created or written (the system says: {e.Message.TrimEnd('.')}). Choose another one with --output DIR.", e);
        }
        return created;
    }

    /// <summary>Deletes <paramref name="created"/> (from <see cref="EnsureWritable"/>) if no file has been written below it.</summary>
    public static void RemoveIfEmpty(string? created)
    {
        if (created is null || !Directory.Exists(created)) return;
        if (Directory.EnumerateFiles(created, "*", SearchOption.AllDirectories).Any()) return;
        Directory.Delete(created, recursive: true);
    }

    // The folder CreateDirectory will make first: the highest missing one on the way to `full`.
    static string? OutermostMissing(string full)
    {
        if (Directory.Exists(full)) return null;
        var missing = full;
        for (var parent = Path.GetDirectoryName(missing); parent is not null; parent = Path.GetDirectoryName(missing))
        {
            if (Directory.Exists(parent) || File.Exists(parent)) break;
            missing = parent;
        }
        return missing;
    }
}
