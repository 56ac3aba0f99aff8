using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Saving;

/// <summary>
/// Named float32 tensors as one raw little-endian blob plus a manifest: for each tensor its owner path, name, shape
/// and byte range, and the SHA-256 of the whole blob, so a damaged file is detected instead of loaded. Model weights
/// and optimizer state are both stored this way (the role of Keras's <c>*.weights.h5</c> groups).
/// </summary>
internal static class TensorBlob
{
    /// <summary>One tensor of a blob: where it belongs (<c>layer</c>: a layer path or <c>optimizer</c>), its name and shape.</summary>
    public readonly record struct Slot(string Layer, string Name, long[] Shape);

    /// <summary>Writes <paramref name="tensors"/> to <paramref name="blob"/> in order and returns the manifest.</summary>
    public static JsonObject Write(IEnumerable<(string layer, string name, Tensor value)> tensors, Stream blob)
    {
        RequireLittleEndian();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var entries = new JsonArray();
        long offset = 0;
        foreach (var (layer, name, value) in tensors)
        {
            if (value.dtype != ScalarType.Float32)
                throw new NotSupportedException($"Cannot save {layer}/{name}: only float32 weights are supported, it is {value.dtype}.");
            using var scope = NewDisposeScope();
            var values = value.detach().cpu().contiguous().data<float>().ToArray();
            var bytes = MemoryMarshal.AsBytes(values.AsSpan());
            blob.Write(bytes);
            sha.AppendData(bytes);
            entries.Add(new JsonObject
            {
                ["layer"] = layer,
                ["name"] = name,
                ["shape"] = new JsonArray(value.shape.Select(d => (JsonNode?)JsonValue.Create(d)).ToArray()),
                ["dtype"] = "float32",
                ["offset"] = offset,
                ["length"] = bytes.Length,
            });
            offset += bytes.Length;
        }
        return new JsonObject
        {
            ["byte_order"] = "little",
            ["total_bytes"] = offset,
            ["sha256"] = Convert.ToHexStringLower(sha.GetHashAndReset()),
            ["weights"] = entries,
        };
    }

    /// <summary>
    /// Reads every tensor the manifest lists, checking each against <paramref name="expected"/> (same order, owner,
    /// name and shape), the blob's length and its checksum; returns the values only when all of that holds.
    /// </summary>
    public static List<float[]> Read(JsonObject manifest, Stream blob, IReadOnlyList<Slot> expected, string what, string item)
    {
        RequireLittleEndian();
        var entries = manifest["weights"]?.AsArray()
            .Select(e => e?.AsObject() ?? throw new InvalidDataException($"The {what} manifest has a null entry.")).ToList()
            ?? throw new InvalidDataException($"The {what} manifest has no \"weights\" list.");
        if (entries.Count != expected.Count)
            throw new InvalidDataException($"The file holds {entries.Count} {what} tensors, but the model its config describes has {expected.Count}.");
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var values = new List<float[]>(entries.Count);
        long offset = 0;
        for (int i = 0; i < entries.Count; i++)
        {
            var slot = expected[i];
            var e = entries[i];
            var where = $"{item} {i} ({e["layer"]?.GetValue<string>()}/{e["name"]?.GetValue<string>()})";
            var shape = (e["shape"]?.AsArray() ?? throw new InvalidDataException($"{where} has no shape."))
                .Select(d => d?.GetValue<long>() ?? -1).ToArray();
            if (e["layer"]?.GetValue<string>() != slot.Layer || e["name"]?.GetValue<string>() != slot.Name || !shape.SequenceEqual(slot.Shape))
                throw new InvalidDataException(
                    $"{where} does not match the model: expected {slot.Layer}/{slot.Name} of shape ({string.Join(", ", slot.Shape)}).");
            if (e["dtype"]?.GetValue<string>() != "float32" || e["offset"]?.GetValue<long>() != offset)
                throw new InvalidDataException($"{where} has an unsupported dtype or a byte offset out of sequence.");
            var data = new float[slot.Shape.Aggregate(1L, (a, b) => a * b)];
            var bytes = MemoryMarshal.AsBytes(data.AsSpan());
            if (e["length"]?.GetValue<long>() != bytes.Length)
                throw new InvalidDataException($"{where} has length {e["length"]}, but its shape needs {bytes.Length} bytes.");
            try
            {
                blob.ReadExactly(bytes);
            }
            catch (EndOfStreamException)
            {
                throw new InvalidDataException($"The {what} blob ends inside {where}: the file is truncated.");
            }
            sha.AppendData(bytes);
            offset += bytes.Length;
            values.Add(data);
        }
        if (blob.ReadByte() >= 0)
            throw new InvalidDataException($"The {what} blob is longer than its manifest says.");
        if (Convert.ToHexStringLower(sha.GetHashAndReset()) != manifest["sha256"]?.GetValue<string>())
            throw new InvalidDataException($"The {what} fail their SHA-256 check: the file is damaged.");
        return values;
    }

    static void RequireLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("Model files store little-endian floats; this machine is big-endian.");
    }
}
