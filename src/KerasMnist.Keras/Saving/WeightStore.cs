using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using KerasMnist.Keras.Backend;
using KerasMnist.Keras.Layers;
using KerasMnist.Keras.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Saving;

/// <summary>
/// A model's weights as one raw blob plus a manifest (the role of Keras's <c>model.weights.h5</c>). The blob
/// holds every weight of every layer, in layer order and <c>layer.weights</c> order, as little-endian float32 in
/// the engine's layout (conv kernels (filters, in, kh, kw), dense kernels (in, units)). The manifest records for
/// each weight its layer path (<c>resnet50/conv1_conv</c> inside nested models), name, shape, byte range, and the
/// SHA-256 of the whole blob, so a damaged file is detected instead of loaded.
/// </summary>
internal static class WeightStore
{
    /// <summary>Every layer that can own weights, with its path of names from the top model.</summary>
    static IEnumerable<(string path, Layer layer)> Leaves(Model model, string prefix = "")
    {
        foreach (var layer in model.layers.Distinct())
        {
            var path = prefix + layer.name;
            if (layer is Model inner)
                foreach (var leaf in Leaves(inner, path + "/")) yield return leaf;
            else
                yield return (path, layer);
        }
    }

    /// <summary>Writes the blob to <paramref name="blob"/> and returns its manifest.</summary>
    public static JsonObject Write(Model model, Stream blob)
    {
        RequireLittleEndian();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var entries = new JsonArray();
        long offset = 0;
        foreach (var (path, layer) in Leaves(model))
        {
            foreach (var v in layer.weights)
            {
                if (v.Value.dtype != ScalarType.Float32)
                    throw new NotSupportedException($"Cannot save weight {path}/{v.Name}: only float32 weights are supported, it is {v.Value.dtype}.");
                using var scope = NewDisposeScope();
                var values = v.Value.detach().cpu().contiguous().data<float>().ToArray();
                var bytes = MemoryMarshal.AsBytes(values.AsSpan());
                blob.Write(bytes);
                sha.AppendData(bytes);
                entries.Add(new JsonObject
                {
                    ["layer"] = path,
                    ["name"] = v.Name,
                    ["shape"] = new JsonArray(v.Value.shape.Select(d => (JsonNode?)JsonValue.Create(d)).ToArray()),
                    ["dtype"] = "float32",
                    ["offset"] = offset,
                    ["length"] = bytes.Length,
                });
                offset += bytes.Length;
            }
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
    /// Reads the blob for <paramref name="model"/> (built from the same config) and assigns every weight. All
    /// weights are read and the checksum verified before any is assigned.
    /// </summary>
    public static void Read(Model model, JsonObject manifest, Stream blob)
    {
        RequireLittleEndian();
        var entries = manifest["weights"]?.AsArray()
            .Select(e => e?.AsObject() ?? throw new InvalidDataException("The weights manifest has a null entry.")).ToList()
            ?? throw new InvalidDataException("The weights manifest has no \"weights\" list.");
        var targets = Leaves(model).SelectMany(l => l.layer.weights.Select(v => (l.path, v))).ToList();
        if (entries.Count != targets.Count)
            throw new InvalidDataException(
                $"The file holds {entries.Count} weights, but the model its config describes has {targets.Count}.");
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var values = new List<(Variable variable, float[] data, long[] shape)>();
        long offset = 0;
        for (int i = 0; i < entries.Count; i++)
        {
            var (path, variable) = targets[i];
            var e = entries[i];
            var where = $"weight {i} ({e["layer"]?.GetValue<string>()}/{e["name"]?.GetValue<string>()})";
            var shape = (e["shape"]?.AsArray() ?? throw new InvalidDataException($"{where} has no shape."))
                .Select(d => d?.GetValue<long>() ?? -1).ToArray();
            if (e["layer"]?.GetValue<string>() != path || e["name"]?.GetValue<string>() != variable.Name ||
                !shape.SequenceEqual(variable.Value.shape))
                throw new InvalidDataException(
                    $"{where} does not match the model: expected {path}/{variable.Name} of shape ({string.Join(", ", variable.Value.shape)}).");
            if (e["dtype"]?.GetValue<string>() != "float32" || e["offset"]?.GetValue<long>() != offset)
                throw new InvalidDataException($"{where} has an unsupported dtype or a byte offset out of sequence.");
            var data = new float[variable.Size];
            var bytes = MemoryMarshal.AsBytes(data.AsSpan());
            if (e["length"]?.GetValue<long>() != bytes.Length)
                throw new InvalidDataException($"{where} has length {e["length"]}, but its shape needs {bytes.Length} bytes.");
            try
            {
                blob.ReadExactly(bytes);
            }
            catch (EndOfStreamException)
            {
                throw new InvalidDataException($"The weights blob ends inside {where}: the file is truncated.");
            }
            sha.AppendData(bytes);
            offset += bytes.Length;
            values.Add((variable, data, shape));
        }
        if (blob.ReadByte() >= 0)
            throw new InvalidDataException("The weights blob is longer than its manifest says.");
        if (Convert.ToHexStringLower(sha.GetHashAndReset()) != manifest["sha256"]?.GetValue<string>())
            throw new InvalidDataException("The weights fail their SHA-256 check: the file is damaged.");
        foreach (var (variable, data, shape) in values)
        {
            using var t = tensor(data, shape);
            variable.Assign(t);
        }
    }

    static void RequireLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("Model files store little-endian floats; this machine is big-endian.");
    }
}
