using KerasMnist.Datasets.Core;
using KerasMnist.Datasets.Download;

namespace KerasMnist.Datasets.Builders;

/// <summary>
/// <c>mnist</c> (tfds <c>image_classification/mnist.py</c>, version 3.0.1): 60,000 training and 10,000 test
/// handwritten digits. Sizes and sha256 sums as in tfds's <c>url_checksums/mnist.txt</c>.
/// </summary>
/// <remarks>
/// The sha256 of the decompressed contents: those of the labels and the test images were computed from copies whose
/// <c>.gz</c> files have the official sha256. For <c>train-images-idx3-ubyte</c> no such copy was at hand (the offline
/// copy this project is tested with is a re-encoding whose pixels differ by up to one grey level), so its value
/// (47,040,016 bytes) is the one published by several independent projects that verify MNIST downloads; each of them
/// also lists the three values computed here, and agrees with them.
/// </remarks>
public static class Mnist
{
    /// <summary>The dataset's definition.</summary>
    public static IdxDatasetDefinition Definition { get; } = new()
    {
        Name = "mnist",
        Version = "3.0.1",
        Description = "The MNIST database of handwritten digits.",
        Homepage = "http://yann.lecun.com/exdb/mnist/",
        Citation = """
            @article{lecun2010mnist,
              title={MNIST handwritten digit database},
              author={LeCun, Yann and Cortes, Corinna and Burges, CJ},
              journal={ATT Labs [Online]. Available: http://yann.lecun.com/exdb/mnist},
              volume={2},
              year={2010}
            }
            """,
        ClassNames = [.. Enumerable.Range(0, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        Splits =
        [
            new IdxSplit("train",
                new UrlInfo("train-images-idx3-ubyte.gz", 9912422, "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
                    "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
                new UrlInfo("train-labels-idx1-ubyte.gz", 28881, "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
                    "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
                60000),
            new IdxSplit("test",
                new UrlInfo("t10k-images-idx3-ubyte.gz", 1648877, "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
                    "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
                new UrlInfo("t10k-labels-idx1-ubyte.gz", 4542, "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
                    "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"),
                10000),
        ],
        Mirrors =
        [
            new Uri("https://storage.googleapis.com/cvdf-datasets/mnist/"),
            new Uri("https://ossci-datasets.s3.amazonaws.com/mnist/"),
        ],
        // The tfds catalog's figure for its prepared TFRecord copy (21.00 MiB); shown by print(ds_info).
        DatasetSize = new Size(21 * (1L << 20)),
    };
}
