using KerasMnist.Datasets.Download;

namespace KerasMnist.Tests.Datasets.Fixtures;

/// <summary>The offline MNIST copy the tests read, found through KERASMNIST_DATA_DIR as the program finds it.</summary>
public static class SharedMnist
{
    public static readonly string[] FileNames =
        ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"];

    /// <summary>The folder; fails the test with the fix when the variable is not set.</summary>
    public static string Folder
    {
        get
        {
            string? dir = Environment.GetEnvironmentVariable(DataSourceOptions.DataDirVariable);
            Assert.False(string.IsNullOrWhiteSpace(dir),
                $"Set {DataSourceOptions.DataDirVariable} to the folder with the four MNIST files (CI uses ../shared/datasets/mnist).");
            Assert.True(FileNames.All(f => System.IO.File.Exists(Path.Combine(dir!, f))),
                $"{DataSourceOptions.DataDirVariable}={dir} does not hold all of {string.Join(", ", FileNames)}.");
            return dir!;
        }
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
