using System.Text.Json;
using KerasMnist.Keras.Models;
using PureHDF;

namespace KerasMnist.Keras.Saving;

/// <summary>
/// The entry points behind <c>model.save</c>, <c>keras.models.load_model</c>, <c>model.save_weights</c> and
/// <c>model.load_weights</c>: which format a path is (by its first bytes, not its name: a zip is a <c>.keras</c> archive,
/// HDF5 a tf.keras model or a weights file), errors that name the file, and writing through a temporary file renamed
/// into place, so a failed save leaves the previous file and no partial one.
/// </summary>
internal static class ModelFiles
{
    public static void Save(Model model, string filepath, bool overwrite)
    {
        if (!filepath.EndsWith(".keras", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException(
                $"model.save writes Keras 3's .keras format, so the path must end in .keras; got '{filepath}'. " +
                "(Writing tf.keras's legacy .h5 model files is not supported; load_model reads them.)", nameof(filepath));
        WriteAtomically(filepath, overwrite, target => KerasArchive.Write(model, target));
    }

    public static void SaveWeights(Model model, string filepath, bool overwrite)
    {
        if (!filepath.EndsWith(".weights.h5", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException(
                $"model.save_weights writes Keras 3's weights format, so the path must end in .weights.h5; got '{filepath}'.", nameof(filepath));
        WriteAtomically(filepath, overwrite, target => KerasWeights.Build(model).Write(target));
    }

    static void WriteAtomically(string filepath, bool overwrite, Action<Stream> write)
    {
        var full = Path.GetFullPath(filepath);
        if (!overwrite && File.Exists(full))
            throw new IOException($"'{filepath}' already exists and overwrite is false.");
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"Cannot save to '{filepath}': the folder '{folder}' does not exist.");
        // Built in memory first: a layer that cannot be saved fails before anything touches the disk.
        var bytes = new MemoryStream();
        write(bytes);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                bytes.WriteTo(file);
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

    public static Model Load(string filepath, IReadOnlyDictionary<string, Type>? customObjects, bool compile) =>
        Reading(filepath, "the model", kind => kind switch
        {
            Kind.Zip => KerasArchive.Read(filepath, customObjects, compile, $"'{filepath}'"),
            Kind.Hdf5 => WithHdf5(filepath, root =>
                LegacyH5.IsModel(root, "the file") ? LegacyH5.LoadModel(root, customObjects, compile, "the file")
                : LegacyH5.IsWeights(root, "the file") || Hdf5.Group(root, "layers", "the file") is not null
                    ? throw new InvalidDataException(
                        "it is a weights file, not a model: create the model in code and call model.load_weights on it.")
                    : throw new InvalidDataException("it is an HDF5 file but not a Keras model (it has no model_config).")),
            _ => throw new InvalidDataException(
                "it is neither a .keras archive (zip) nor a tf.keras .h5 model file (HDF5). It may be damaged or another format."),
        });

    public static void LoadWeights(Model model, string filepath) =>
        Reading(filepath, "weights", kind =>
        {
            if (kind == Kind.Zip)
            {
                using var weights = KerasArchive.ReadWeights(filepath);
                using var h5 = Hdf5.Open(weights, "model.weights.h5");
                KerasWeights.Read(model, h5, withOptimizer: true, "model.weights.h5");
                return 0;
            }
            if (kind != Kind.Hdf5)
                throw new InvalidDataException("it is neither a .weights.h5 / .h5 file (HDF5) nor a .keras archive.");
            return WithHdf5(filepath, root =>
            {
                if (LegacyH5.IsWeights(root, "the file")) LegacyH5.ReadWeights(model, root, "the file");
                else if (LegacyH5.IsModel(root, "the file"))
                    LegacyH5.ReadWeights(model, Hdf5.Group(root, "model_weights", "the file")
                        ?? throw new InvalidDataException("it is a tf.keras model file without model_weights."), "the file");
                else KerasWeights.Read(model, root, withOptimizer: true, "the file");
                return 0;
            });
        });

    enum Kind { Zip, Hdf5, Other }

    static T Reading<T>(string filepath, string what, Func<Kind, T> read)
    {
        var full = Path.GetFullPath(filepath);
        if (!File.Exists(full))
            throw new FileNotFoundException($"No file at '{filepath}'. Save one with model.save(\"model.keras\").", full);
        try
        {
            var head = new byte[8];
            int n;
            using (var file = File.OpenRead(full)) n = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            var kind = n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4 ? Kind.Zip
                : Hdf5.IsHdf5(head.AsSpan(0, n)) ? Kind.Hdf5 : Kind.Other;
            return read(kind);
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or InvalidOperationException or FormatException
                                      or NotSupportedException or IOException and not FileNotFoundException)
        {
            throw new InvalidDataException($"Cannot load {what} in '{filepath}': {e.Message}", e);
        }
    }

    static T WithHdf5<T>(string filepath, Func<IH5Group, T> read)
    {
        using var stream = File.OpenRead(filepath);
        using var h5 = Hdf5.Open(stream, "the file");
        return read(h5);
    }
}
