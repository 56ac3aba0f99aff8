using KerasMnist.Datasets;
using KerasMnist.Datasets.Data;
using static TorchSharp.torch;

namespace KerasMnist.Benchmarks.Training;

/// <summary>
/// The notebook's data, twice: as its tf.data pipelines (for the keras API) and as plain normalised NHWC tensors
/// (for the raw loop). Found as the program finds it: KERASMNIST_DATA_DIR, the user cache, or a download.
/// </summary>
internal sealed class MnistSplits : IDisposable
{
    public MnistSplits()
    {
        using var builder = tfds.builder("mnist");
        Train = Pipeline(builder.as_dataset("train[:70%]"), shuffle: true);
        Valid = Pipeline(builder.as_dataset("train[70%:]"), shuffle: false);
        Test = Pipeline(builder.as_dataset("test"), shuffle: false);
        (TrainImages, TrainLabels) = Tensors(builder, "train[:70%]");
        (ValidImages, ValidLabels) = Tensors(builder, "train[70%:]");
        (TestImages, TestLabels) = Tensors(builder, "test");
        Folder = builder.info.data_dir;
    }

    /// <summary>The folder the MNIST files were read from.</summary>
    public string Folder { get; }

    public Dataset Train { get; }
    public Dataset Valid { get; }
    public Dataset Test { get; }
    public Tensor TrainImages { get; }
    public Tensor TrainLabels { get; }
    public Tensor ValidImages { get; }
    public Tensor ValidLabels { get; }
    public Tensor TestImages { get; }
    public Tensor TestLabels { get; }

    static (Tensor, Tensor) normalize_img(Tensor image, Tensor label) => (tf.cast(image, tf.float32) / 255f, label);

    // The notebook's cells: map, cache, shuffle(70% of 60,000) for training, batch(128), prefetch(AUTOTUNE).
    static Dataset Pipeline(Dataset ds, bool shuffle)
    {
        ds = ds.map(normalize_img, num_parallel_calls: tf.data.AUTOTUNE).cache();
        if (shuffle) ds = ds.shuffle((int)(60_000 * 0.7));
        return ds.batch(128).prefetch(tf.data.AUTOTUNE);
    }

    static (Tensor images, Tensor labels) Tensors(Datasets.Builders.DatasetBuilder builder, string split)
    {
        var (image, label) = builder.as_tensors(split);
        using (image)
        {
            var scaled = image.to_type(ScalarType.Float32).div_(255f);
            return (scaled.DetachFromDisposeScope(), label.DetachFromDisposeScope());
        }
    }

    public void Dispose()
    {
        foreach (var t in new[] { TrainImages, TrainLabels, ValidImages, ValidLabels, TestImages, TestLabels }) t.Dispose();
    }
}
