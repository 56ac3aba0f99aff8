namespace KerasMnist.Datasets.Core;

/// <summary>
/// Raised when a dataset cannot be loaded: an unknown name or split, a malformed split string,
/// a missing, corrupt or truncated data file, or a failed download. The counterpart of the
/// <c>ValueError</c>/<c>NonMatchingChecksumError</c>/<c>DatasetNotFoundError</c> family tfds raises.
/// </summary>
/// <remarks>
/// The message always carries the whole story (which file, what is wrong, what to do), because the
/// command-line program prints it as it is and exits non-zero.
/// </remarks>
public class DatasetException : Exception
{
    /// <summary>Creates the exception with its full, user-facing message.</summary>
    public DatasetException(string message, string? path = null, Exception? inner = null)
        : base(message, inner) => this.path = path;

    /// <summary>The file or folder the problem is about, when there is one.</summary>
    public string? path { get; }
}
