using KerasMnist.Cli;

namespace KerasMnist.Tests.Cli;

public sealed class OutputFolderTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("kerasmnist-output-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void AMissingFolderIsCreatedAndItsOutermostNewFolderReported()
    {
        var path = Path.Combine(folder, "a", "b");
        Assert.Equal(Path.Combine(folder, "a"), OutputFolder.EnsureWritable(path));
        Assert.True(Directory.Exists(path));
        Assert.Empty(Directory.EnumerateFileSystemEntries(path)); // the probe is gone
        Assert.Null(OutputFolder.EnsureWritable(path));
    }

    [Fact]
    public void WhatARunCreatedIsRemovedOnlyWhileNothingIsInIt()
    {
        var created = OutputFolder.EnsureWritable(Path.Combine(folder, "empty", "plots"));
        OutputFolder.RemoveIfEmpty(created);
        Assert.False(Directory.Exists(Path.Combine(folder, "empty")));

        var kept = OutputFolder.EnsureWritable(Path.Combine(folder, "written", "plots"));
        File.WriteAllText(Path.Combine(folder, "written", "plots", "train_mlp_history.png"), "png");
        OutputFolder.RemoveIfEmpty(kept);
        Assert.True(File.Exists(Path.Combine(folder, "written", "plots", "train_mlp_history.png")));

        OutputFolder.RemoveIfEmpty(null); // the folder existed before the run: nothing to remove
        Assert.True(Directory.Exists(folder));
    }

    [Fact]
    public void AFileIsNotAFolder()
    {
        var file = Path.Combine(folder, "output");
        File.WriteAllText(file, "not a folder");
        var e = Assert.Throws<IOException>(() => OutputFolder.EnsureWritable(file));
        Assert.Equal($"the output folder '{file}' is a file, not a folder. Choose another one with --output DIR.", e.Message);
        Assert.Equal("not a folder", File.ReadAllText(file));
    }

    [Fact]
    public void AFolderBelowAFileCannotBeCreated()
    {
        var file = Path.Combine(folder, "file");
        File.WriteAllText(file, "");
        var e = Assert.Throws<IOException>(() => OutputFolder.EnsureWritable(Path.Combine(file, "plots")));
        Assert.StartsWith($"the output folder '{Path.Combine(file, "plots")}' cannot be created or written", e.Message);
    }
}
