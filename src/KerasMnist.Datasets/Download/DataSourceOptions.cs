using KerasMnist.Datasets.Core;

namespace KerasMnist.Datasets.Download;

/// <summary>
/// Where <c>tfds.load</c> looks for data files and how it downloads them. <see cref="FromEnvironment"/> builds
/// the options the program uses; tests build them explicitly so that no environment variable leaks in.
/// </summary>
/// <remarks>
/// Search order: (1) <see cref="DataDir"/> (and its <c>&lt;name&gt;</c> subfolder), read in place;
/// (2) the user cache <see cref="CacheRoot"/>/<c>&lt;name&gt;</c>; (3) system folders such as Debian's
/// <c>/usr/share/datasets/fashion-mnist</c>; (4) a download from the mirrors into the user cache.
/// </remarks>
public sealed record DataSourceOptions
{
    /// <summary>Environment variable naming a folder that holds the data files (the CLI's <c>--data-dir</c> does the same).</summary>
    public const string DataDirVariable = "KERASMNIST_DATA_DIR";

    /// <summary>Environment variable replacing the official mirrors: base URLs separated by spaces, commas or semicolons.</summary>
    public const string MirrorsVariable = "KERASMNIST_MIRRORS";

    /// <summary>A folder holding the files as named in the original release (<c>.gz</c> or uncompressed); null for none.</summary>
    public string? DataDir { get; init; }

    /// <summary>How <see cref="DataDir"/> was given, for messages: <c>data_dir</c> or <c>KERASMNIST_DATA_DIR</c>.</summary>
    public string DataDirOrigin { get; init; } = "data_dir";

    /// <summary>The user cache root; downloads go to <c>&lt;CacheRoot&gt;/&lt;name&gt;</c>.</summary>
    public string CacheRoot { get; init; } = CachePaths.DefaultRoot();

    /// <summary>Whether system folders (Debian's dataset packages) are searched.</summary>
    public bool UseSystemDirs { get; init; } = true;

    /// <summary>Base URLs to download from instead of the dataset's official mirrors; null keeps the official ones.</summary>
    public IReadOnlyList<Uri>? Mirrors { get; init; }

    /// <summary><c>tfds.load(download=...)</c>: false never touches the network.</summary>
    public bool Download { get; init; } = true;

    /// <summary>Where warnings and plain progress lines go (standard error by default).</summary>
    public TextWriter Log { get; init; } = Console.Error;

    /// <summary>The download progress display; null picks a live bar on an interactive terminal, else plain lines on <see cref="Log"/>.</summary>
    public IDownloadProgress? Progress { get; init; }

    /// <summary>How long a download may stall without receiving a byte before the mirror counts as failed.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The program's options: <paramref name="data_dir"/> if given, else <c>KERASMNIST_DATA_DIR</c>; mirrors from
    /// <c>KERASMNIST_MIRRORS</c> if set; the XDG user cache.
    /// </summary>
    /// <exception cref="DatasetException"><c>KERASMNIST_MIRRORS</c> holds something that is not an http(s) URL.</exception>
    public static DataSourceOptions FromEnvironment(string? data_dir = null, bool download = true)
    {
        string? envDir = Environment.GetEnvironmentVariable(DataDirVariable);
        bool fromArgument = !string.IsNullOrWhiteSpace(data_dir);
        return new DataSourceOptions
        {
            DataDir = fromArgument ? data_dir : string.IsNullOrWhiteSpace(envDir) ? null : envDir,
            DataDirOrigin = fromArgument ? "data_dir" : DataDirVariable,
            Mirrors = ParseMirrors(Environment.GetEnvironmentVariable(MirrorsVariable), MirrorsVariable),
            Download = download,
        };
    }

    /// <summary>Parses a mirror list (base URLs separated by spaces, commas or semicolons); null or blank gives null.</summary>
    /// <exception cref="DatasetException">An entry is not an absolute http(s) URL.</exception>
    public static IReadOnlyList<Uri>? ParseMirrors(string? text, string origin)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var mirrors = new List<Uri>();
        foreach (var entry in text.Split([' ', ',', ';', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Uri.TryCreate(entry.EndsWith('/') ? entry : entry + "/", UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                throw new DatasetException(
                    $"{origin}: '{entry}' is not an http(s) base URL. Give base URLs the file names are appended to, " +
                    "e.g. https://storage.googleapis.com/cvdf-datasets/mnist/, separated by spaces, commas or semicolons.");
            mirrors.Add(uri);
        }
        return mirrors;
    }
}
