using KerasMnist.Imaging.Reading;

namespace KerasMnist.Cli;

/// <summary>
/// <c>predict --save-preprocessed DIR</c>: the 28x28 image the model saw for each digit, as a grey PNG, so a learner
/// can see why a digit was misread. Names follow the image: <c>NAME.png</c> for a single digit, <c>NAME_1.png</c>,
/// <c>NAME_2.png</c>, ... (left to right) for a field; <c>NAME-2.png</c> and so on when two images share a name.
/// All files are written into a temporary folder inside DIR first and moved into place only when every one was
/// written, so a failure leaves no partial set.
/// </summary>
public static class PreprocessedImages
{
    /// <summary>The file each digit of each reading goes to, without writing anything.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Paths(IReadOnlyList<Reading> readings, string folder)
    {
        var stems = readings.Select(r => Path.GetFileNameWithoutExtension(r.File)).ToList();
        var shared = stems.GroupBy(s => s, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return readings.Select((reading, i) =>
        {
            var stem = shared.Contains(stems[i]) ? $"{stems[i]}-{i + 1}" : stems[i];
            return (IReadOnlyList<string>)(reading.IsField
                ? reading.Digits.Select((_, k) => Path.Combine(folder, $"{stem}_{k + 1}.png")).ToList()
                : [Path.Combine(folder, $"{stem}.png")]);
        }).ToList();
    }

    /// <summary>
    /// Writes every digit's input of <paramref name="readings"/> into <paramref name="folder"/> (created if missing).
    /// </summary>
    /// <returns>The files written, per reading (as <see cref="Paths"/>).</returns>
    /// <exception cref="IOException">A file would replace one of the images read, or the folder cannot be written; nothing is written then.</exception>
    public static IReadOnlyList<IReadOnlyList<string>> Save(IReadOnlyList<Reading> readings, string folder)
    {
        var paths = Paths(readings, folder);
        var inputs = readings.Select(r => Path.GetFullPath(r.File)).ToHashSet();
        if (paths.SelectMany(p => p).FirstOrDefault(p => inputs.Contains(Path.GetFullPath(p))) is { } clash)
            throw new IOException($"--save-preprocessed would replace the image {clash} with its 28x28 version. Give another folder.");

        var created = OutputFolder.EnsureWritable(folder);
        var staging = Path.Combine(folder, $".kerasmnist-preprocessed-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(staging);
            foreach (var (reading, files) in readings.Zip(paths))
                foreach (var (digit, file) in reading.Digits.Zip(files))
                    digit.SaveInput(Path.Combine(staging, Path.GetFileName(file)));
            foreach (var file in paths.SelectMany(p => p))
                File.Move(Path.Combine(staging, Path.GetFileName(file)), file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            OutputFolder.RemoveIfEmpty(created);
            throw new IOException($"--save-preprocessed: the 28x28 images cannot be written to '{folder}' ({e.Message}).", e);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
        return paths;
    }
}
