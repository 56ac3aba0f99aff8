using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using KerasMnist.Tests.Fixtures;
using KerasMnist.Tests.Keras.Models;
using static KerasMnist.Keras.KerasApi;

namespace KerasMnist.Tests.Keras.Saving;

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
        // Said once, and the zip library's sentence does not leave a stray period inside the parentheses.
        Assert.Single(Regex.Matches(error.Message, "not a zip archive"));
        Assert.DoesNotContain("it is not", error.Message);
        Assert.DoesNotContain(".)", error.Message);
        Assert.Contains("save", error.Message);
    }

    [Fact]
    public void Damaged_weights_fail_the_archives_crc_check()
    {
        using var folder = new TempFolder();
        var path = SavedMlp(folder);
        ArchiveEdits.FlipByteOfEntry(path, "model.weights.h5", 0.5, 0x40); // one flipped bit in one weight
        var error = Assert.Throws<InvalidDataException>(() => keras.models.load_model(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("model.weights.h5 fails the zip archive's CRC-32 check", error.Message);
    }

    [Fact]
    public void Config_that_disagrees_with_the_weights_is_rejected()
    {
        using var folder = new TempFolder();
        var path = SavedMlp(folder);
        var config = ArchiveEdits.ReadText(path, "config.json");
        Assert.Contains("\"units\":128", config);
        ArchiveEdits.ReplaceEntry(path, "config.json", Encoding.UTF8.GetBytes(config.Replace("\"units\":128", "\"units\":64")));
        var error = Assert.Throws<InvalidDataException>(() => keras.models.load_model(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("layers/dense/vars/0", error.Message);
        Assert.Contains("has shape (784, 128), but the config's layer needs (784, 64)", error.Message);
    }

    [Fact]
    public void Weights_for_a_layer_the_config_lacks_are_rejected()
    {
        using var folder = new TempFolder();
        var path = SavedMlp(folder);
        ArchiveEdits.EditWeights(path, h5 =>
        {
            var layers = (PureHDF.H5Group)h5["layers"];
            layers["dense_2"] = new PureHDF.H5Group { ["vars"] = new PureHDF.H5Group { ["0"] = new float[] { 1, 2 } } };
        });
        var error = Assert.Throws<InvalidDataException>(() => keras.models.load_model(path));
        Assert.Contains("weights at layers/dense_2/vars for a layer the config does not describe", error.Message);
    }

    [Fact]
    public void Missing_weights_file_or_metadata_is_named()
    {
        using var folder = new TempFolder();
        var path = SavedMlp(folder);
        ArchiveEdits.ReplaceEntry(path, "model.weights.h5", null);
        var error = Assert.Throws<InvalidDataException>(() => keras.models.load_model(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("has no model.weights.h5", error.Message);

        ArchiveEdits.ReplaceEntry(path, "metadata.json", null);
        Assert.Contains("has no metadata.json", Assert.Throws<InvalidDataException>(() => keras.models.load_model(path)).Message);
    }

    [Fact]
    public void Weights_that_are_not_hdf5_are_named()
    {
        using var folder = new TempFolder();
        var path = SavedMlp(folder);
        ArchiveEdits.ReplaceEntry(path, "model.weights.h5", Encoding.UTF8.GetBytes("\x89HDF but not really"));
        var error = Assert.Throws<InvalidDataException>(() => keras.models.load_model(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("model.weights.h5 is not an HDF5 file", error.Message);
    }

    [Fact]
    public void A_newer_keras_format_is_recognised_as_such()
    {
        using var folder = new TempFolder();
        var path = SavedMlp(folder);
        ArchiveEdits.ReplaceEntry(path, "metadata.json", Encoding.UTF8.GetBytes("{\"keras_version\": \"4.0.0\", \"date_saved\": \"2030-01-01@10:00:00\"}"));
        var error = Assert.Throws<InvalidDataException>(() => keras.models.load_model(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("saved by Keras 4.0.0, a newer format", error.Message);
    }

    [Fact]
    public void A_file_of_the_former_own_format_gets_a_clear_message()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("old.keras");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            void Add(string name, string text)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(Encoding.UTF8.GetBytes(text));
            }
            Add("metadata.json", "{\"format\": \"kerasmnist.keras\", \"format_version\": 1}");
            Add("config.json", "{}");
            Add("model.weights.bin", "");
        }
        var error = Assert.Throws<InvalidDataException>(() => keras.models.load_model(path));
        Assert.Contains("earlier KerasMnist in its own weight format", error.Message);
    }

    [Fact]
    public void Random_bytes_are_not_a_model()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("noise.keras");
        File.WriteAllBytes(path, Enumerable.Range(0, 4096).Select(i => (byte)(i * 37 % 251)).ToArray());
        var error = Assert.Throws<InvalidDataException>(() => keras.models.load_model(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("neither a .keras archive (zip) nor a tf.keras .h5 model file (HDF5)", error.Message);
    }

    [Fact]
    public void Own_layer_classes_need_custom_objects()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("custom.keras");
        keras.Sequential(keras.layers.InputLayer(2), new Scale(2f)).save(path);

        var error = Assert.Throws<InvalidDataException>(() => keras.models.load_model(path));
        Assert.Contains("the layer class 'Scale'", error.Message);
        Assert.Contains("custom_objects", error.Message);

        var loaded = keras.models.load_model(path, custom_objects: new Dictionary<string, Type> { ["Scale"] = typeof(Scale) });
        Assert.Equal(2f, Assert.IsType<Scale>(loaded.layers[0]).factor);
    }
}
