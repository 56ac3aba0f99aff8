using PureHDF;
using PureHDF.VOL.Native;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Saving;

/// <summary>
/// The HDF5 reading this port needs, over PureHDF: recognising an HDF5 file by its signature, opening one, reading a
/// dataset as a float32 tensor of its shape (float64 and integer datasets converted, as numpy would when Keras assigns
/// them), and string attributes however h5py stored them (variable-length or fixed-length, or tf.keras's empty float
/// array for an empty list). PureHDF's own exceptions become <see cref="InvalidDataException"/>s saying where.
/// </summary>
internal static class Hdf5
{
    static readonly byte[] Signature = [0x89, (byte)'H', (byte)'D', (byte)'F', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Whether <paramref name="head"/> (the first bytes of a file) starts with HDF5's signature.</summary>
    public static bool IsHdf5(ReadOnlySpan<byte> head) => head.Length >= Signature.Length && head[..Signature.Length].SequenceEqual(Signature);

    /// <summary>Opens an HDF5 file held in <paramref name="stream"/> (seekable); <paramref name="what"/> names it in errors.</summary>
    public static NativeFile Open(Stream stream, string what)
    {
        var head = new byte[Signature.Length];
        stream.Position = 0;
        if (stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) < head.Length || !IsHdf5(head))
            throw new InvalidDataException($"{what} is not an HDF5 file.");
        CheckNotTruncated(stream, what);
        stream.Position = 0;
        return Guard(() => H5File.Open(stream, leaveOpen: true), what);
    }

    /// <summary>
    /// The check libhdf5 (and so h5py) makes on opening: the superblock records the end-of-file address, and a file
    /// shorter than that is truncated. PureHDF does not check it and would read the missing bytes as zeros.
    /// </summary>
    static void CheckNotTruncated(Stream stream, string what)
    {
        // Superblock versions 0 and 1 keep the address after 16 (v1: 20) bytes of fields, then the base and one more
        // address; versions 2 and 3 after 4 bytes, then the base and the extension address (HDF5 format spec, II.A).
        var head = new byte[64];
        stream.Position = 0;
        int n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        int version = head[8];
        int offsetSize = version <= 1 ? head[13] : head[9];
        int field = version switch { 0 => 24, 1 => 28, 2 or 3 => 12, _ => -1 };
        if (field < 0 || offsetSize is not (4 or 8))
            throw new InvalidDataException($"{what} has an HDF5 superblock of version {version}, which is not supported.");
        int eofAt = field + 2 * offsetSize;
        if (n < eofAt + offsetSize) throw new InvalidDataException($"{what} is truncated: it ends inside its HDF5 superblock.");
        ulong end = offsetSize == 8 ? BitConverter.ToUInt64(head, eofAt) : BitConverter.ToUInt32(head, eofAt);
        if ((ulong)stream.Length < end)
            throw new InvalidDataException(
                $"{what} is truncated: its HDF5 superblock says it is {end:N0} bytes long, but it has {stream.Length:N0}.");
    }

    /// <summary>Runs a PureHDF call; a malformed file becomes an <see cref="InvalidDataException"/> naming <paramref name="where"/>.</summary>
    public static T Guard<T>(Func<T> read, string where)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not (InvalidDataException or OutOfMemoryException))
        {
            throw new InvalidDataException($"{where} cannot be read as HDF5 (the file may be truncated or damaged): {e.Message}", e);
        }
    }

    /// <summary>The child group at <paramref name="path"/> ("a/b/c"), or null when any part is missing or not a group.</summary>
    public static IH5Group? Group(IH5Group root, string path, string what)
    {
        IH5Group current = root;
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var group = current;
            if (!Guard(() => group.LinkExists(part), what) || Guard(() => group.Get(part), what) is not IH5Group child) return null;
            current = child;
        }
        return current;
    }

    /// <summary>The shape of a dataset (empty for a scalar).</summary>
    public static long[] Shape(IH5Dataset dataset) => dataset.Space.Dimensions.Select(d => (long)d).ToArray();

    /// <summary>A numeric dataset as a float32 tensor of its shape, on the CPU.</summary>
    public static Tensor ReadFloat(IH5Dataset dataset, string where) => Guard(() =>
    {
        var shape = Shape(dataset);
        var type = dataset.Type;
        float[] values = type.Class switch
        {
            H5DataTypeClass.FloatingPoint when type.Size == 4 => Values<float>(dataset, shape, v => v),
            H5DataTypeClass.FloatingPoint when type.Size == 8 => Values<double>(dataset, shape, v => (float)v),
            H5DataTypeClass.FixedPoint when type.Size == 8 => Values<long>(dataset, shape, v => v),
            H5DataTypeClass.FixedPoint when type.Size == 4 => Values<int>(dataset, shape, v => v),
            _ => throw new InvalidDataException(
                $"{where} holds {type.Class} values of {type.Size} bytes; KerasMnist reads float32 weights (float64 and integers converted)."),
        };
        return tensor(values).reshape(shape);
    }, where);

    static float[] Values<T>(IH5Dataset dataset, long[] shape, Func<T, float> convert) =>
        shape.Length == 0 ? [convert(dataset.Read<T>())] : dataset.Read<T[]>().Select(convert).ToArray();

    /// <summary>An integer scalar dataset (Keras's optimizer iteration count).</summary>
    public static long ReadInteger(IH5Dataset dataset, string where) => Guard(() =>
    {
        if (dataset.Type.Class != H5DataTypeClass.FixedPoint || dataset.Space.Dimensions.Length != 0)
            throw new InvalidDataException($"{where} should be an integer scalar, but it is {dataset.Type.Class} of shape ({string.Join(", ", Shape(dataset))}).");
        return dataset.Type.Size == 8 ? dataset.Read<long>() : dataset.Read<int>();
    }, where);

    /// <summary>A string attribute (variable- or fixed-length), or null when absent.</summary>
    public static string? StringAttribute(IH5Object obj, string name, string where) => Guard(() =>
        obj.AttributeExists(name) ? obj.Attribute(name).Read<string>() : null, where);

    /// <summary>A list-of-strings attribute; tf.keras wrote an empty list as an empty float array. Null when absent.</summary>
    public static string[]? StringListAttribute(IH5Object obj, string name, string where) => Guard(() =>
    {
        if (!obj.AttributeExists(name)) return null;
        var attribute = obj.Attribute(name);
        if (attribute.Space.Dimensions.Aggregate(1UL, (a, d) => a * d) == 0) return [];
        return attribute.Type.Class == H5DataTypeClass.String || attribute.Type.Class == H5DataTypeClass.VariableLength
            ? attribute.Read<string[]>()
            : throw new InvalidDataException($"{where}: the attribute {name} is {attribute.Type.Class}, not a list of strings.");
    }, where);
}
