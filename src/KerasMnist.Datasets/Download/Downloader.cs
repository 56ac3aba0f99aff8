using System.Net;
using System.Security.Cryptography;
using KerasMnist.Datasets.Core;

namespace KerasMnist.Datasets.Download;

/// <summary>
/// Downloads official files into a folder, verified: the counterpart of tfds's <c>DownloadManager</c> with
/// checksum validation. Each mirror is tried in turn; a file is written to a temporary <c>.part</c> file in the
/// target folder and renamed to its final name only after its size and sha256 match <see cref="UrlInfo"/>,
/// so a failed, truncated or corrupted download never leaves anything under the final name.
/// </summary>
/// <remarks>Progress and mirror failures are reported, as they happen, to <see cref="LibraryOutput.Current"/>.</remarks>
/// <param name="mirrors">Base URLs the file names are appended to, tried in order.</param>
/// <param name="readTimeout">How long a transfer may stall before the mirror counts as failed.</param>
public sealed class Downloader(IReadOnlyList<Uri> mirrors, TimeSpan readTimeout)
{
    private static readonly HttpClient Client = new(new SocketsHttpHandler
    {
        ConnectTimeout = TimeSpan.FromSeconds(20),
        AutomaticDecompression = DecompressionMethods.None,
    })
    { Timeout = Timeout.InfiniteTimeSpan };

    private static readonly TimeSpan StalePartAge = TimeSpan.FromHours(1);

    /// <summary>Downloads <paramref name="file"/> into <paramref name="folder"/> and returns its final path.</summary>
    /// <exception cref="DatasetException">Every mirror failed or served a file that failed verification; the
    /// message lists each URL with its reason. Also when the folder cannot be written.</exception>
    public string Download(UrlInfo file, string folder)
    {
        if (mirrors.Count == 0)
            throw new DatasetException($"Cannot download {file.filename}: no mirror is configured.");
        bool created = !Directory.Exists(folder);
        CreateFolder(folder);
        RemoveStaleParts(folder, file.filename);
        string target = Path.Combine(folder, file.filename);
        var failures = new List<string>();
        var output = LibraryOutput.Current;
        foreach (var mirror in mirrors)
        {
            var url = new Uri(mirror, file.filename);
            string part = Path.Combine(folder, $"{file.filename}.{Guid.NewGuid():N}.part");
            try
            {
                output.Track($"{file.filename} from {url.Authority}", file.size, advance => Fetch(url, part, file, advance));
                File.Move(part, target, overwrite: true);
                return target;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException or RejectedDownload)
            {
                string reason = e switch
                {
                    OperationCanceledException => $"no data received for {readTimeout.TotalSeconds:F0} s",
                    _ => e.Message,
                };
                failures.Add($"  {url}: {reason}");
                if (failures.Count < mirrors.Count)
                    output.WriteLine($"warning: downloading {url} failed ({reason}); trying the next mirror.");
            }
            finally
            {
                TryDelete(part);
            }
        }
        if (created && !Directory.EnumerateFileSystemEntries(folder).Any())
            Directory.Delete(folder);
        throw new DatasetException(
            $"Could not download {file.filename} ({new Size(file.size)}, sha256 {file.sha256}) from any mirror:\n" +
            string.Join("\n", failures), target);
    }

    private void Fetch(Uri url, string part, UrlInfo file, Action<long> advance) =>
        FetchAsync(url, part, file, advance).GetAwaiter().GetResult();

    private async Task FetchAsync(Uri url, string part, UrlInfo file, Action<long> advance)
    {
        using var stall = new CancellationTokenSource(readTimeout);
        using var response = await Client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, stall.Token).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new RejectedDownload($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
        if (response.Content.Headers.ContentLength is { } announced && announced != file.size)
            throw new RejectedDownload($"the server announces {announced} bytes, the official file has {file.size}");

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long received = 0;
        await using (var output = new FileStream(part, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        await using (var input = await response.Content.ReadAsStreamAsync(stall.Token).ConfigureAwait(false))
        {
            var buffer = new byte[1 << 16];
            while (true)
            {
                stall.CancelAfter(readTimeout);
                int n = await input.ReadAsync(buffer, stall.Token).ConfigureAwait(false);
                if (n == 0)
                    break;
                received += n;
                if (received > file.size)
                    throw new RejectedDownload($"the server sent more than the official {file.size} bytes");
                hash.AppendData(buffer, 0, n);
                await output.WriteAsync(buffer.AsMemory(0, n), stall.Token).ConfigureAwait(false);
                advance(n);
            }
        }
        if (received != file.size)
            throw new RejectedDownload($"truncated: received {received} of {file.size} bytes");
        string sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (sha256 != file.sha256)
            throw new RejectedDownload($"corrupted: sha256 {sha256} differs from the official {file.sha256}");
    }

    private static void CreateFolder(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatasetException(
                $"Cannot create the download folder {folder}: {e.Message} Set XDG_CACHE_HOME to a writable folder, " +
                $"or pass data_dir (--data-dir) / set {DataSourceOptions.DataDirVariable} to a folder that already holds the files.",
                folder, e);
        }
    }

    // A killed process can leave a .part behind; one untouched for an hour is not being written any more.
    private static void RemoveStaleParts(string folder, string filename)
    {
        foreach (var stale in Directory.EnumerateFiles(folder, $"{filename}.*.part"))
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(stale) > StalePartAge)
                TryDelete(stale);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover .part never shadows a verified file and is removed by a later download.
        }
    }

    private sealed class RejectedDownload(string reason) : Exception(reason);
}
