using System.IO.Compression;
using System.IO.Hashing;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using KerasMnist.Keras.Models;

namespace KerasMnist.Keras.Saving;

/// <summary>
/// The <c>.keras</c> file: Keras 3's zip archive with <c>metadata.json</c> (<c>keras_version</c>, <c>date_saved</c>),
/// <c>config.json</c> (the model as <c>serialize_keras_object</c> writes it, with <c>compile_config</c>) and
/// <c>model.weights.h5</c> (<see cref="KerasWeights"/>), all stored uncompressed as Keras does. Python Keras 3 loads
/// what this writes, and this reads what Keras 3 (and tf.keras 2.13+) writes. Every entry read is checked against its
/// CRC-32, as Python's zipfile does, so a damaged file is an error instead of a model with wrong weights.
/// </summary>
internal static class KerasArchive
{
    /// <summary>The Keras release whose file layout and config schema the writer follows (checked on a file Keras 3.1.1 saved).</summary>
    public const string KerasVersion = "3.1.1";

    const string Metadata = "metadata.json", Config = "config.json", Weights = "model.weights.h5";

    /// <summary>The major version of a version string such as <c>3.1.1</c> (0 when unreadable).</summary>
    public static int Major(string version) => int.TryParse(version.Split('.')[0], out var major) ? major : 0;

    /// <summary>The archive's bytes for <paramref name="model"/>; nothing touches the disk, so a failure leaves no trace.</summary>
    public static void Write(Model model, Stream target)
    {
        // The config is built before the weights: an unsaveable layer fails before the work of copying them.
        var config = new LayerSerializer().Serialize(model);
        if (CompileConfig.Capture(model) is { } compile) config["compile_config"] = compile;
        var weights = new MemoryStream();
        KerasWeights.Build(model).Write(weights);
        using var zip = new ZipArchive(target, ZipArchiveMode.Create, leaveOpen: true);
        WriteEntry(zip, Metadata, JsonSerializer.SerializeToUtf8Bytes(new JsonObject
        {
            ["keras_version"] = KerasVersion,
            ["date_saved"] = DateTime.Now.ToString("yyyy-MM-dd@HH:mm:ss"),
            ["saved_by"] = "KerasMnist " + typeof(KerasArchive).Assembly
                .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0],
        }));
        WriteEntry(zip, Config, JsonSerializer.SerializeToUtf8Bytes(config));
        WriteEntry(zip, Weights, weights.GetBuffer().AsSpan(0, (int)weights.Length));
    }

    static void WriteEntry(ZipArchive zip, string name, ReadOnlySpan<byte> bytes)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
        stream.Write(bytes);
    }

    /// <summary>Reads the model in the archive at <paramref name="path"/>; <paramref name="what"/> names the file in errors.</summary>
    public static Model Read(string path, IReadOnlyDictionary<string, Type>? customObjects, bool compile, string what)
    {
        using var zip = Open(path);
        var metadata = ReadJson(zip, Metadata);
        CheckVersion(metadata, zip);
        var config = ReadJson(zip, Config);
        var model = new LayerSerializer(customObjects, weightsFollow: true).Deserialize(config) as Model
            ?? throw new InvalidDataException("its config.json describes a single layer, not a model.");
        bool compiled = compile && config["compile_config"] is JsonObject compileConfig && Compile(model, compileConfig, what);
        using var weights = WeightsOf(zip);
        using var h5 = Hdf5.Open(weights, Weights);
        KerasWeights.Read(model, h5, withOptimizer: compiled, Weights);
        return model;
    }

    static bool Compile(Model model, JsonObject compileConfig, string what)
    {
        CompileConfig.Apply(model, compileConfig, what);
        return model.loss is not null;
    }

    /// <summary>The weights file inside the archive at <paramref name="path"/> (for <c>model.load_weights("x.keras")</c>).</summary>
    public static MemoryStream ReadWeights(string path)
    {
        using var zip = Open(path);
        return WeightsOf(zip);
    }

    static ZipArchive Open(string path)
    {
        try
        {
            return ZipFile.OpenRead(path);
        }
        catch (InvalidDataException e)
        {
            // The zip library's sentence ends in a period of its own, which inside the parentheses would read as a stray one.
            throw new InvalidDataException(
                $"not a zip archive, so not a .keras file ({e.Message.TrimEnd('.')}). The file may be truncated or in another " +
                "format: save or copy the model again.", e);
        }
    }

    static MemoryStream WeightsOf(ZipArchive zip)
    {
        if (zip.GetEntry(Weights) is null && zip.GetEntry("model.weights.npz") is not null)
            throw new InvalidDataException("its weights are in model.weights.npz; KerasMnist reads Keras's default, model.weights.h5.");
        return ReadEntry(zip, Weights);
    }

    static void CheckVersion(JsonObject metadata, ZipArchive zip)
    {
        if (metadata["keras_version"]?.GetValue<string>() is not { } version)
            throw new InvalidDataException(zip.GetEntry("model.weights.bin") is not null
                ? "it was written by an earlier KerasMnist in its own weight format, which Python Keras cannot read and this " +
                  "version no longer reads. Train and save the model again: it is now saved in Keras's own format."
                : "its metadata.json has no keras_version, so it is not a Keras model file.");
        if (Major(version) > 3)
            throw new InvalidDataException(
                $"it was saved by Keras {version}, a newer format than KerasMnist reads (Keras 3 .keras files and tf.keras 2 .h5 files).");
    }

    static MemoryStream ReadEntry(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidDataException($"the archive has no {name}.");
        var bytes = new MemoryStream();
        try
        {
            using var stream = entry.Open();
            stream.CopyTo(bytes);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"its {name} cannot be unpacked ({e.Message}): the file is damaged.", e);
        }
        if (bytes.Length != entry.Length || Crc32.HashToUInt32(bytes.GetBuffer().AsSpan(0, (int)bytes.Length)) != entry.Crc32)
            throw new InvalidDataException($"its {name} fails the zip archive's CRC-32 check: the file is damaged.");
        bytes.Position = 0;
        return bytes;
    }

    static JsonObject ReadJson(ZipArchive zip, string name)
    {
        using var bytes = ReadEntry(zip, name);
        try
        {
            return JsonNode.Parse(bytes) as JsonObject ?? throw new InvalidDataException($"its {name} is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"its {name} is not valid JSON: {e.Message}", e);
        }
    }
}
