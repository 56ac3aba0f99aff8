using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using KerasMnist.Keras.Models;

namespace KerasMnist.Keras.Saving;

/// <summary>
/// The <c>.keras</c> file: a zip archive laid out like Keras 3's native format, with
/// <c>metadata.json</c> (format marker and version), <c>config.json</c> (the model's architecture and
/// <c>compile_config</c>), <c>model.weights.bin</c> (raw float32 weights; Keras uses <c>model.weights.h5</c>) and
/// <c>model.weights.json</c> (its manifest with a SHA-256), and after training <c>optimizer.weights.bin</c> and
/// <c>optimizer.weights.json</c> (the optimizer's state, see <see cref="OptimizerStore"/>). Files are written to a
/// temporary name next to the target and renamed into place, so a failed save never leaves a partial file.
/// </summary>
internal static class KerasArchive
{
    const string Format = "kerasmnist.keras";
    const int FormatVersion = 1;
    const string Metadata = "metadata.json", Config = "config.json", Weights = "model.weights.bin", Manifest = "model.weights.json",
        OptimizerWeights = "optimizer.weights.bin", OptimizerManifest = "optimizer.weights.json";

    public static void Save(Model model, string filepath, bool overwrite)
    {
        var full = Path.GetFullPath(filepath);
        if (!full.EndsWith(".keras", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException(
                $"model.save writes the native Keras zip format, so the path must end in .keras; got '{filepath}'. " +
                "HDF5 (.h5) files and SavedModel folders are not supported.", nameof(filepath));
        if (!overwrite && File.Exists(full))
            throw new IOException($"'{filepath}' already exists and overwrite is false.");
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"Cannot save the model to '{filepath}': the folder '{folder}' does not exist.");

        // The config is built before anything touches the disk: an unsaveable layer fails here.
        var serializer = new LayerSerializer();
        var config = serializer.Serialize(model);
        if (CompileConfig.Capture(model, serializer.Codec) is { } compile) config["compile_config"] = compile;

        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
                {
                    WriteJson(zip, Metadata, new JsonObject
                    {
                        ["format"] = Format,
                        ["format_version"] = FormatVersion,
                        ["kerasmnist_version"] = typeof(KerasArchive).Assembly
                            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0],
                        ["date_saved"] = DateTime.Now.ToString("yyyy-MM-dd@HH:mm:ss"),
                    });
                    WriteJson(zip, Config, config);
                    JsonObject manifest;
                    // Float weights barely compress; storing them keeps saving ResNet50 fast.
                    using (var blob = zip.CreateEntry(Weights, CompressionLevel.NoCompression).Open())
                        manifest = WeightStore.Write(model, blob);
                    WriteJson(zip, Manifest, manifest);
                    if (OptimizerStore.Capture(model) is { } state)
                    {
                        using (var blob = zip.CreateEntry(OptimizerWeights, CompressionLevel.NoCompression).Open())
                            manifest = OptimizerStore.Write(state, blob);
                        WriteJson(zip, OptimizerManifest, manifest);
                    }
                }
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            try { File.Delete(temporary); } catch (IOException) { } // the original error matters more
            throw;
        }
    }

    public static Model Load(string filepath, IReadOnlyDictionary<string, Type>? customObjects, bool compile)
    {
        var full = Path.GetFullPath(filepath);
        if (!File.Exists(full))
            throw new FileNotFoundException($"No model file at '{filepath}'. Save one with model.save(\"model.keras\").", full);
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(full);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException(
                $"'{filepath}' is not a .keras model file: it is not a zip archive ({e.Message}). It may be truncated, or another " +
                "format such as HDF5 (.h5).", e);
        }
        using (zip)
        {
            try
            {
                CheckMetadata(ReadJson(zip, Metadata));
                var config = ReadJson(zip, Config);
                var serializer = new LayerSerializer(customObjects);
                var model = serializer.Deserialize(config) as Model
                    ?? throw new InvalidDataException("config.json describes a single layer, not a model.");
                using (var blob = Entry(zip, Weights).Open())
                    WeightStore.Read(model, ReadJson(zip, Manifest), blob);
                if (compile && config["compile_config"] is JsonObject compileConfig)
                {
                    CompileConfig.Apply(model, compileConfig, serializer.Codec);
                    if (zip.GetEntry(OptimizerWeights) is { } optimizerBlob)
                        using (var blob = optimizerBlob.Open())
                            OptimizerStore.Read(model, ReadJson(zip, OptimizerManifest), blob);
                }
                return model;
            }
            catch (Exception e) when (e is InvalidDataException or JsonException or InvalidOperationException or FormatException
                                          or NotSupportedException or IOException)
            {
                throw new InvalidDataException($"Cannot load the model in '{filepath}': {e.Message}", e);
            }
        }
    }

    /// <summary>Rejects Keras's own files and files of a newer KerasMnist with a message that says which it is.</summary>
    static void CheckMetadata(JsonObject metadata)
    {
        if (metadata["format"]?.GetValue<string>() != Format)
        {
            var kerasVersion = metadata["keras_version"]?.GetValue<string>();
            throw new InvalidDataException(kerasVersion is null
                ? "its metadata.json has no KerasMnist format marker."
                : $"it was saved by Python Keras {kerasVersion}, whose weights are HDF5; KerasMnist reads only files written by its own model.save.");
        }
        int version = metadata["format_version"]?.GetValue<int>() ?? 0;
        if (version != FormatVersion)
            throw new InvalidDataException($"it has format version {version}; this KerasMnist reads version {FormatVersion}.");
    }

    static ZipArchiveEntry Entry(ZipArchive zip, string name) =>
        zip.GetEntry(name) ?? throw new InvalidDataException($"the archive has no {name}.");

    static JsonObject ReadJson(ZipArchive zip, string name)
    {
        using var stream = Entry(zip, name).Open();
        return JsonNode.Parse(stream)?.AsObject() ?? throw new InvalidDataException($"{name} is empty.");
    }

    static void WriteJson(ZipArchive zip, string name, JsonObject content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        content.WriteTo(writer);
    }
}
