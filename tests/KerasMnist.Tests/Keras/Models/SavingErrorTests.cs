using System.IO.Compression;
using System.Text;
using KerasMnist.Tests.Datasets.Fixtures;
using static KerasMnist.Keras.KerasApi;

namespace KerasMnist.Tests.Keras.Models;

/// <summary>Saving never leaves a partial file; loading a wrong file says which file and what is wrong with it.</summary>
public class SavingErrorTests
{
    static string SavedMlp(TempFolder folder, string file = "model.keras")
    {
        var path = folder.Combine(file);
        TestModels.Mlp().save(path);
        return path;
    }

    [Fact]
    public void Save_needs_the_keras_extension_and_an_existing_folder()
    {
        using var folder = new TempFolder();
        var model = TestModels.Mlp();
        var h5 = Assert.Throws<ArgumentException>(() => model.save(folder.Combine("model.h5")));
        Assert.Contains("must end in .keras", h5.Message);
        var missing = Assert.Throws<DirectoryNotFoundException>(() => model.save(folder.Combine("no", "such", "model.keras")));
        Assert.Contains("does not exist", missing.Message);
        Assert.Empty(folder.Files());
    }

    [Fact]
    public void Save_without_overwrite_keeps_the_existing_file()
    {
        using var folder = new TempFolder();
        var path = SavedMlp(folder);
        var before = File.ReadAllBytes(path);
        Assert.Throws<IOException>(() => TestModels.Mlp().save(path, overwrite: false));
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_layer_whose_config_cannot_be_written_fails_before_touching_the_disk()
    {
        using var folder = new TempFolder();
        var path = SavedMlp(folder);
        var before = File.ReadAllBytes(path);
        var model = keras.Sequential(keras.layers.InputLayer(4), new Opaque(3));

        var error = Assert.Throws<NotSupportedException>(() => model.save(path));

        Assert.Contains("constructor argument `size`", error.Message);
        Assert.Contains("Opaque", error.Message);
        Assert.Equal(["model.keras"], folder.Files());
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_save_failing_while_writing_weights_leaves_the_old_file_and_no_temporary()
    {
        using var folder = new TempFolder();
        var path = SavedMlp(folder);
        var before = File.ReadAllBytes(path);
        var model = keras.Sequential(keras.layers.InputLayer(4), keras.layers.Dense(4), new DoubleWeight());

        var error = Assert.Throws<NotSupportedException>(() => model.save(path));

        Assert.Contains("only float32", error.Message);
        Assert.Equal(["model.keras"], folder.Files());
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Missing_file_is_file_not_found()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("absent.keras");
        var error = Assert.Throws<FileNotFoundException>(() => keras.models.load_model(path));
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Truncated_file_is_reported_with_its_name()
    {
        using var folder = new TempFolder();
        var path = SavedMlp(folder);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var error = Assert.Throws<InvalidDataException>(() => keras.models.load_model(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("not a zip archive", error.Message);
    }

    [Fact]
    public void Damaged_weights_fail_the_checksum()
    {
        using var folder = new TempFolder();
        var path = SavedMlp(folder);
        ArchiveEdits.FlipMiddleByte(path, "model.weights.bin", 0x40); // one flipped bit in one weight
        var error = Assert.Throws<InvalidDataException>(() => keras.models.load_model(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("SHA-256", error.Message);
    }

    [Fact]
    public void Config_that_disagrees_with_the_weights_is_rejected()
    {
        using var folder = new TempFolder();
        var path = SavedMlp(folder);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("config.json")!;
            string config;
            using (var reader = new StreamReader(entry.Open())) config = reader.ReadToEnd();
            Assert.Contains("\"units\": 128", config);
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("config.json").Open());
            writer.Write(config.Replace("\"units\": 128", "\"units\": 64"));
        }
        var error = Assert.Throws<InvalidDataException>(() => keras.models.load_model(path));
        Assert.Contains("does not match the model", error.Message);
        Assert.Matches(@"expected dense(_\d+)?/kernel of shape \(784, 64\)", error.Message); // names depend on the session
    }

    [Fact]
    public void A_python_keras_file_is_recognised_as_foreign()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("python.keras");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            void Add(string name, string text)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(Encoding.UTF8.GetBytes(text));
            }
            Add("metadata.json", "{\"keras_version\": \"3.3.3\", \"date_saved\": \"2024-05-01@10:00:00\"}");
            Add("config.json", "{\"module\": \"keras\", \"class_name\": \"Sequential\", \"config\": {}}");
            Add("model.weights.h5", "\x89HDF");
        }
        var error = Assert.Throws<InvalidDataException>(() => keras.models.load_model(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("Python Keras 3.3.3", error.Message);
    }

    [Fact]
    public void Random_bytes_are_not_a_model()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("noise.keras");
        File.WriteAllBytes(path, Enumerable.Range(0, 4096).Select(i => (byte)(i * 37 % 251)).ToArray());
        var error = Assert.Throws<InvalidDataException>(() => keras.models.load_model(path));
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Own_layer_classes_need_custom_objects()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("custom.keras");
        keras.Sequential(keras.layers.InputLayer(2), new Scale(2f)).save(path);

        var error = Assert.Throws<InvalidDataException>(() => keras.models.load_model(path));
        Assert.Contains("Unknown Layer 'Scale'", error.Message);
        Assert.Contains("custom_objects", error.Message);

        var loaded = keras.models.load_model(path, custom_objects: new Dictionary<string, Type> { ["Scale"] = typeof(Scale) });
        Assert.Equal(2f, Assert.IsType<Scale>(loaded.layers[0]).factor);
    }
}
