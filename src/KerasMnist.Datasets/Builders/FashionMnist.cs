using KerasMnist.Datasets.Core;
using KerasMnist.Datasets.Download;

namespace KerasMnist.Datasets.Builders;

/// <summary>
/// <c>fashion_mnist</c> (tfds <c>FashionMNIST</c>, version 3.0.1): Zalando's article images in MNIST's format
/// and shapes. Sizes and sha256 sums as in tfds's <c>url_checksums/fashion_mnist.txt</c>.
/// </summary>
/// <remarks>
/// Debian's <c>dataset-fashion-mnist</c> package holds the same data: its build normalised the gzip headers (the
/// original file name dropped, the time stamp set to the package's), so its files are 23-24 bytes shorter and their
/// sha256 differ from the official ones. The compressed data itself is the official one: putting the name and the time
/// stamp back into the headers (FLG.FNAME set, the official file name, MTIME 1504176606 for the train files and
/// 1504176627 for the test files, 2017-08-31) gives files with exactly the official sha256. The sha256 of the
/// decompressed contents below were computed from those files, so Debian's copy, and any other copy that was only
/// re-compressed or stored uncompressed, is recognised as the official data and used without a warning.
/// </remarks>
public static class FashionMnist
{
    /// <summary>The dataset's definition.</summary>
    public static IdxDatasetDefinition Definition { get; } = new()
    {
        Name = "fashion_mnist",
        Version = "3.0.1",
        Description = "Fashion-MNIST is a dataset of Zalando's article images consisting of a training set of 60,000 " +
                      "examples and a test set of 10,000 examples. Each example is a 28x28 grayscale image, associated " +
                      "with a label from 10 classes.",
        Homepage = "https://github.com/zalandoresearch/fashion-mnist",
        Citation = """
            @article{DBLP:journals/corr/abs-1708-07747,
              author    = {Han Xiao and
                           Kashif Rasul and
                           Roland Vollgraf},
              title     = {Fashion-MNIST: a Novel Image Dataset for Benchmarking Machine Learning
                           Algorithms},
              journal   = {CoRR},
              volume    = {abs/1708.07747},
              year      = {2017},
              url       = {http://arxiv.org/abs/1708.07747},
              archivePrefix = {arXiv},
              eprint    = {1708.07747},
              timestamp = {Mon, 13 Aug 2018 16:47:27 +0200},
              biburl    = {https://dblp.org/rec/bib/journals/corr/abs-1708-07747},
              bibsource = {dblp computer science bibliography, https://dblp.org}
            }
            """,
        ClassNames = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"],
        Splits =
        [
            new IdxSplit("train",
                new UrlInfo("train-images-idx3-ubyte.gz", 26421880, "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
                    "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
                new UrlInfo("train-labels-idx1-ubyte.gz", 29515, "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
                    "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
                60000),
            new IdxSplit("test",
                new UrlInfo("t10k-images-idx3-ubyte.gz", 4422102, "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
                    "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
                new UrlInfo("t10k-labels-idx1-ubyte.gz", 5148, "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5",
                    "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"),
                10000),
        ],
        Mirrors = [new Uri("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/")],
        // The tfds catalog's figure for its prepared TFRecord copy (36.42 MiB); shown by print(ds_info).
        DatasetSize = new Size((long)Math.Round(36.42 * (1L << 20))),
        SystemDirs = [("/usr/share/datasets/fashion-mnist", "Debian package dataset-fashion-mnist")],
    };
}
