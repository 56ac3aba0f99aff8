using System.IO.Compression;
using System.Text;
using PureHDF;

namespace KerasMnist.Tests.Keras.Saving;

/// <summary>Damages or edits a saved <c>.keras</c> file the way a bad disk, a bad copy or another program would, for the loader's error tests.</summary>
internal static class ArchiveEdits
{
    /// <summary>Flips the bits of <paramref name="mask"/> in one byte of the stored entry <paramref name="entryName"/>, in the raw file (its CRC-32 stays).</summary>
    public static void FlipByteOfEntry(string path, string entryName, double where, byte mask)
    {
        var bytes = File.ReadAllBytes(path);
        var (start, length) = EntryData(bytes, entryName);
        bytes[start + (long)(length * where)] ^= mask;
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>Where a stored entry's data lies in the raw zip (walking the local file headers).</summary>
    static (long start, long length) EntryData(byte[] zip, string entryName)
    {
        long offset = 0;
        while (offset + 30 <= zip.Length && BitConverter.ToUInt32(zip, (int)offset) == 0x04034b50)
        {
            long size = BitConverter.ToUInt32(zip, (int)offset + 18);
            int nameLength = BitConverter.ToUInt16(zip, (int)offset + 26), extra = BitConverter.ToUInt16(zip, (int)offset + 28);
            var name = Encoding.UTF8.GetString(zip, (int)offset + 30, nameLength);
            long data = offset + 30 + nameLength + extra;
            if (name == entryName) return (data, size);
            offset = data + size;
        }
        throw new ArgumentException($"no stored entry {entryName} found");
    }

    /// <summary>Replaces (or with null removes) the entry <paramref name="entryName"/>.</summary>
    public static void ReplaceEntry(string path, string entryName, byte[]? content)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        zip.GetEntry(entryName)?.Delete();
        if (content is null) return;
        using var stream = zip.CreateEntry(entryName, CompressionLevel.NoCompression).Open();
        stream.Write(content);
    }

    /// <summary>The text of the entry <paramref name="entryName"/>.</summary>
    public static string ReadText(string path, string entryName)
    {
        using var zip = ZipFile.OpenRead(path);
        using var reader = new StreamReader(zip.GetEntry(entryName)!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>Rewrites the archive's model.weights.h5 after <paramref name="edit"/> changed a writable copy of its groups and datasets.</summary>
    public static void EditWeights(string path, Action<H5Group> edit)
    {
        byte[] original;
        using (var zip = ZipFile.OpenRead(path))
        using (var stream = zip.GetEntry("model.weights.h5")!.Open())
        using (var copy = new MemoryStream())
        {
            stream.CopyTo(copy);
            original = copy.ToArray();
        }
        var file = new H5File();
        using (var h5 = H5File.Open(new MemoryStream(original)))
            CopyInto(h5, file);
        edit(file);
        var output = new MemoryStream();
        file.Write(output);
        ReplaceEntry(path, "model.weights.h5", output.ToArray());
    }

    static void CopyInto(IH5Group source, H5Group target)
    {
        foreach (var child in source.Children())
        {
            if (child is IH5Group group)
            {
                var copy = new H5Group();
                CopyInto(group, copy);
                target[child.Name] = copy;
            }
            else if (child is IH5Dataset dataset)
            {
                var dims = dataset.Space.Dimensions;
                target[child.Name] = dataset.Type.Class == H5DataTypeClass.FixedPoint
                    ? new H5Dataset<long>(dataset.Read<long>())
                    : dims.Length == 0 ? new H5Dataset<float>(dataset.Read<float>())
                    : new H5Dataset(dataset.Read<float[]>(), fileDims: dims);
            }
        }
    }
}
