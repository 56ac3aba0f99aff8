namespace KerasMnist.Cli;

/// <summary>Checks the output folder before any long work, so a run never fails at its last plot.</summary>
public static class OutputFolder
{
    /// <summary>Creates <paramref name="path"/> if missing and proves it writable with a probe file; throws <see cref="IOException"/> saying what to do.</summary>
    public static void EnsureWritable(string path)
    {
        var full = Path.GetFullPath(path);
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
                $"the output folder '{path}' cannot be created or written ({e.Message}). Choose another one with --output DIR.", e);
        }
    }
}
