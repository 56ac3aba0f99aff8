using KerasMnist.Datasets.Core;

namespace KerasMnist.Datasets.Download;

/// <summary>
/// The settings <c>tfds.load</c> finds and downloads data files with: the folders, the cache, the mirrors. In which
/// order the places are searched is <see cref="Builders.DataFileLocator"/>'s business alone. <see cref="FromEnvironment"/>
/// builds the options the program uses; tests build them explicitly so that no environment variable leaks in.
/// </summary>
public sealed record DataSourceOptions
{
    /// <summary>Environment variable naming a folder that holds the data files (<c>data_dir</c> / <c>--data-dir</c> take precedence).</summary>
    public const string DataDirVariable = "KERASMNIST_DATA_DIR";

    /// <summary>Environment variable replacing the official mirrors: base URLs separated by spaces, commas or semicolons.</summary>
    public const string MirrorsVariable = "KERASMNIST_MIRRORS";

    /// <summary>
    /// <c>tfds.load(data_dir=...)</c> (the CLI's <c>--data-dir</c>): a folder holding the files as named in the original
    /// release (<c>.gz</c> or uncompressed), or one subfolder per dataset; null for none.
    /// </summary>
    public string? DataDir { get; init; }

    /// <summary>The folder <c>KERASMNIST_DATA_DIR</c> named when the options were made; null when it was not set.</summary>
    public string? EnvironmentDataDir { get; init; }

    /// <summary>The user cache root; downloads go to <c>&lt;CacheRoot&gt;/&lt;name&gt;</c>.</summary>
    public string CacheRoot { get; init; } = CachePaths.DefaultRoot();

    /// <summary>Whether system folders (Debian's dataset packages) are searched.</summary>
    public bool UseSystemDirs { get; init; } = true;

    /// <summary>Base URLs to download from instead of the dataset's official mirrors; null keeps the official ones.</summary>
    public IReadOnlyList<Uri>? Mirrors { get; init; }

    /// <summary><c>tfds.load(download=...)</c>: false never touches the network.</summary>
    public bool Download { get; init; } = true;

    /// <summary>How long a download may stall without receiving a byte before the mirror counts as failed.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The program's options: <paramref name="data_dir"/> as given, <c>KERASMNIST_DATA_DIR</c> and
    /// <c>KERASMNIST_MIRRORS</c> as set, the XDG user cache.
    /// </summary>
    /// <exception cref="DatasetException"><c>KERASMNIST_MIRRORS</c> holds something that is not an http(s) URL.</exception>
    public static DataSourceOptions FromEnvironment(string? data_dir = null, bool download = true) => new()
    {
        DataDir = Blank(data_dir),
        EnvironmentDataDir = Blank(Environment.GetEnvironmentVariable(DataDirVariable)),
        Mirrors = ParseMirrors(Environment.GetEnvironmentVariable(MirrorsVariable), MirrorsVariable),
        Download = download,
    };

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

    private static string? Blank(string? folder) => string.IsNullOrWhiteSpace(folder) ? null : folder;
}
