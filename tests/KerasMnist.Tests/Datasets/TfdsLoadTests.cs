using KerasMnist.Datasets;
using KerasMnist.Datasets.Core;
using KerasMnist.Datasets.Data;
using TorchSharp;

namespace KerasMnist.Tests.Datasets;

/// <summary>tfds.load as the notebook calls it, returning tf.data Datasets; data found as the program finds it.</summary>
public class TfdsLoadTests
{
    private static (long[] xShape, torch.ScalarType xType, long[] yShape, torch.ScalarType yType, long y) First(Dataset ds)
    {
        foreach (var (x, y) in ds)
            using (x) using (y)
                return (x.shape, x.dtype, y.shape, y.dtype, y.item<long>());
        throw new InvalidOperationException("empty dataset");
    }

    [Fact]
    public void TheNotebooksCallDeconstructsIntoThreeDatasetsAndTheInfo()
    {
        var ((ds_train, ds_valid, ds_test), ds_info) = tfds.load("mnist", split: new[] { "train[:70%]", "train[70%:]", "test" },
            shuffle_files: true, as_supervised: true, with_info: true);

        Assert.Equal([42000L, 18000L, 10000L], new[] { ds_train, ds_valid, ds_test }.Select(d => d.cardinality()));
        Assert.Equal(60000, ds_info.splits["train"].num_examples); // the whole split, as in tfds
        var first = First(ds_train);
        Assert.Equal([28L, 28, 1], first.xShape);
        Assert.Equal(torch.ScalarType.Byte, first.xType);
        Assert.Empty(first.yShape);
        Assert.Equal(torch.ScalarType.Int64, first.yType);
        Assert.Equal(5, first.y); // the IDX file's first training digit
        Assert.Equal(7, First(ds_test).y);
    }

    [Fact]
    public void OneSplitGivesOneDatasetWithOrWithoutInfo()
    {
        var ds = tfds.load("mnist", split: "train[:10%]+test[:1000]", as_supervised: true, download: false);
        Assert.Equal(7000, ds.cardinality());

        var (test, info) = tfds.load("mnist", split: "test", with_info: true, download: false);
        Assert.Equal(10000, test.cardinality());
        Assert.Equal("mnist", info.name);
    }

    [Fact]
    public void AsSupervisedFalseYieldsTheSameImageLabelPairs()
    {
        var supervised = tfds.load("mnist", split: "test[:3]", as_supervised: true, download: false);
        var plain = tfds.load("mnist", split: "test[:3]", as_supervised: false, download: false);
        foreach (var ((x1, y1), (x2, y2)) in supervised.Zip(plain))
            using (x1) using (y1) using (x2) using (y2)
            {
                Assert.Equal(x1.shape, x2.shape);
                Assert.True(x1.eq(x2).all().item<bool>());
                Assert.Equal(y1.item<long>(), y2.item<long>());
            }
    }

    [Fact]
    public void MisuseIsExplained()
    {
        var e = Assert.Throws<ArgumentException>(() => tfds.load("mnist", split: "test", with_info: false, download: false));
        Assert.Contains("leave the argument out", e.Message);

        var datasets = tfds.load("mnist", split: ["test[:10]", "test[10:20]", "test[20:30]"], download: false);
        var unpack = Assert.Throws<InvalidOperationException>(() => { var (a, b) = datasets; });
        Assert.Contains("returned 3 datasets", unpack.Message);
        Assert.Contains("unpacks 2", unpack.Message);

        var unknown = Assert.Throws<DatasetException>(() => tfds.load("mnist_corrupted", split: "test"));
        Assert.Contains("Unknown dataset 'mnist_corrupted'", unknown.Message);
        Assert.Contains("mnist, fashion_mnist", unknown.Message);

        var malformed = Assert.Throws<DatasetException>(() => tfds.load("mnist", split: "train[:70]%", download: false));
        Assert.Contains(SplitSpec.Grammar, malformed.Message);
    }
}
