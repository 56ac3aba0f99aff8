namespace KerasMnist.Datasets.Download;

/// <summary>
/// Where downloads are kept: <c>$XDG_CACHE_HOME/kerasmnist</c>, else <c>~/.cache/kerasmnist</c>; on Windows
/// <c>%LOCALAPPDATA%\kerasmnist</c>. Each dataset gets its own subfolder (<c>.../kerasmnist/mnist</c>).
/// tfds keeps its downloads under <c>~/tensorflow_datasets/downloads</c> instead.
/// </summary>
public static class CachePaths
{
    /// <summary>The cache root for this user, from the environment.</summary>
    public static string DefaultRoot() =>
        OperatingSystem.IsWindows()
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "kerasmnist")
            : XdgRoot(Environment.GetEnvironmentVariable("XDG_CACHE_HOME"), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>The XDG rule: <paramref name="xdgCacheHome"/>/kerasmnist when it is an absolute path, else <paramref name="home"/>/.cache/kerasmnist.</summary>
    public static string XdgRoot(string? xdgCacheHome, string home) =>
        // The XDG Base Directory spec says a relative XDG_CACHE_HOME is invalid and must be ignored.
        !string.IsNullOrEmpty(xdgCacheHome) && Path.IsPathRooted(xdgCacheHome)
            ? Path.Combine(xdgCacheHome, "kerasmnist")
            : Path.Combine(home, ".cache", "kerasmnist");
}
