using KerasMnist.Datasets.Core;
using KerasMnist.Datasets.Download;

namespace KerasMnist.Tests.Fixtures;

/// <summary>The offline MNIST copy the tests read, found through KERASMNIST_DATA_DIR as the program finds it.</summary>
public static class SharedMnist
{
    public static readonly string[] FileNames =
        ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"];

    static readonly Lazy<string> folder = new(Resolve);

    /// <summary>
    /// The folder holding the four files, found as the program finds them: KERASMNIST_DATA_DIR (CI points it at
    /// the offline copy), else the user cache, else a verified download into the cache (once per machine).
    /// </summary>
    public static string Folder => folder.Value;

    static string Resolve()
    {
        // Whichever test asks first must not find the fixture's notes (a local copy's checksum warning) in its own capture.
        using var quiet = LibraryOutput.Use(LibraryOutput.Silent);
        using var builder = KerasMnist.Datasets.tfds.builder("mnist");
        builder.download_and_prepare();
        string dir = builder.info.data_dir;
        Assert.True(FileNames.All(f => System.IO.File.Exists(Path.Combine(dir, f))),
            $"MNIST was located in {dir}, but not all of {string.Join(", ", FileNames)} are there.");
        return dir;
    }

    public static string File(string name) => Path.Combine(Folder, name);

    /// <summary>Links the four files into <paramref name="folder"/> (cheap; the loader follows links).</summary>
    public static void LinkInto(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var name in FileNames)
            System.IO.File.CreateSymbolicLink(Path.Combine(folder, name), File(name));
    }
}
