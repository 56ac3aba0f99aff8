namespace KerasMnist.Datasets.Download;

/// <summary>
/// Where downloads are kept: <c>$XDG_CACHE_HOME/kerasmnist</c>, else <c>~/.cache/kerasmnist</c>; on Windows
/// <c>%LOCALAPPDATA%\kerasmnist</c>. Each dataset gets its own subfolder (<c>.../kerasmnist/mnist</c>).
/// tfds keeps its downloads under <c>~/tensorflow_datasets/downloads</c> instead.
/// </summary>
public static class CachePaths
{
    /// <summary>The cache root for this user, from the environment.</summary>
    public static string DefaultRoot()
    {
        if (OperatingSystem.IsWindows())
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "kerasmnist");
        // XDG Base Directory spec: a relative XDG_CACHE_HOME is invalid and must be ignored.
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg))
            return Path.Combine(xdg, "kerasmnist");
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "kerasmnist");
    }
}
