using System.Buffers.Binary;
using System.IO.Compression;

namespace KerasMnist.Tests.Fixtures;

/// <summary>Builds small IDX files (optionally gzip-compressed) to feed the parser good and damaged input.</summary>
public static class IdxFiles
{
    public static byte[] Images(int count, int rows = 28, int cols = 28, int magic = 2051, int? announced = null)
    {
        var bytes = new byte[16 + count * rows * cols];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), announced ?? count);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), rows);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(12), cols);
        for (int i = 16; i < bytes.Length; i++)
            bytes[i] = (byte)(i * 7);
        return bytes;
    }

    public static byte[] Labels(byte[] labels, int magic = 2049, int? announced = null)
    {
        var bytes = new byte[8 + labels.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), announced ?? labels.Length);
        labels.CopyTo(bytes, 8);
        return bytes;
    }

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            gz.Write(data);
        return output.ToArray();
    }

    public static string Write(string folder, string name, byte[] content)
    {
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
