using System.IO.Compression;

namespace KerasMnist.Tests.Keras.Models;

/// <summary>Damages a saved <c>.keras</c> file the way a bad disk or copy would, for the loader's error tests.</summary>
internal static class ArchiveEdits
{
    /// <summary>Flips the bits of <paramref name="mask"/> in the middle byte of the zip entry <paramref name="entryName"/>.</summary>
    public static void FlipMiddleByte(string path, string entryName, byte mask)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var entry = zip.GetEntry(entryName) ?? throw new ArgumentException($"{path} has no entry {entryName}.");
        byte[] bytes;
        using (var stream = entry.Open())
        using (var copy = new MemoryStream())
        {
            stream.CopyTo(copy);
            bytes = copy.ToArray();
        }
        bytes[bytes.Length / 2] ^= mask;
        entry.Delete();
        using var replaced = zip.CreateEntry(entryName).Open();
        replaced.Write(bytes);
    }
}
