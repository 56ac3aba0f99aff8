using KerasMnist.Datasets.Core;
using KerasMnist.Datasets.Data;
using KerasMnist.Datasets.Download;
using TorchSharp;
using static TorchSharp.torch;

namespace KerasMnist.Datasets.Builders;

/// <summary>
/// The counterpart of <c>tfds.core.DatasetBuilder</c> for MNIST-format datasets (<c>tfds.builder(name)</c>):
/// <see cref="download_and_prepare"/> finds or downloads the files, <see cref="as_dataset"/> reads a split.
/// Whole splits are parsed once and kept; slices are views of them.
/// </summary>
/// <remarks>
/// Slices address the IDX files' order. tfds shuffles the records when it prepares its TFRecords, so its
/// <c>train[:70%]</c> is a different (fixed, pseudo-random) 42,000 of the 60,000 training images than ours, which
/// are the first 42,000 of the file. Class balance is about the same; exact per-example results are not.
/// </remarks>
public sealed class DatasetBuilder : IDisposable
{
    private readonly IdxDatasetDefinition definition;
    private readonly DataSourceOptions options;
    private readonly Dictionary<string, (Tensor Images, Tensor Labels)> parsed = [];
    private LocatedFiles? files;

    /// <summary>A builder for <paramref name="definition"/> that finds its data as <paramref name="options"/> say.</summary>
    public DatasetBuilder(IdxDatasetDefinition definition, DataSourceOptions options)
    {
        this.definition = definition;
        this.options = options;
    }

    /// <summary><c>builder.name</c>.</summary>
    public string name => definition.Name;

    /// <summary>
    /// <c>builder.info</c>. Before <see cref="download_and_prepare"/>, <c>data_dir</c> is the user-cache folder the
    /// files would be downloaded to; afterwards it is the folder they were read from.
    /// </summary>
    public DatasetInfo info => new()
    {
        name = definition.Name,
        version = definition.Version,
        description = definition.Description,
        homepage = definition.Homepage,
        citation = definition.Citation,
        data_dir = files?.Folder ?? DataFileLocator.CacheFolder(definition, options),
        download_size = definition.DownloadSize,
        dataset_size = definition.DatasetSize,
        features = new FeaturesDict
        {
            image = new ImageFeature([definition.ImageSize, definition.ImageSize, 1], "uint8"),
            label = new ClassLabel(definition.ClassNames),
        },
        splits = definition.Splits.ToDictionary(s => s.Name, s => new SplitInfo(s.Name, s.NumExamples)),
    };

    /// <summary>
    /// <c>builder.download_and_prepare()</c>: finds the files, or downloads them, where <see cref="DataFileLocator"/>
    /// says. Does nothing once done. A local file that differs from the official one is named when a split reading it
    /// is loaded, not here.
    /// </summary>
    /// <exception cref="DatasetException">The files are nowhere and cannot be downloaded.</exception>
    public void download_and_prepare() => files ??= DataFileLocator.Locate(definition, options, splits: []);

    /// <summary>
    /// Finds the files and warns, in one line, about the differing local files that <paramref name="splits"/> read
    /// (<c>tfds.load(split=[...])</c> reads several splits at once).
    /// </summary>
    /// <exception cref="DatasetException">A split string is malformed or unknown, or the files are nowhere.</exception>
    internal void prepare(IEnumerable<string> splits)
    {
        var names = splits.SelectMany(split => SplitSpec.Resolve(split, [.. info.splits.Values])).Select(p => p.splitname).ToList();
        download_and_prepare();
        DataFileLocator.Warn(files!, definition, names);
    }

    /// <summary>
    /// <c>builder.as_dataset(split, shuffle_files, as_supervised)</c>: the examples of <paramref name="split"/> as a
    /// <see cref="Dataset"/> of (image uint8 (28,28,1), label int64) pairs.
    /// </summary>
    /// <param name="split">A split string in tfds's grammar (see <see cref="SplitSpec"/>).</param>
    /// <param name="shuffle_files">Accepted for tfds compatibility; changes nothing, because every split is one file
    /// (tfds's MNIST also has one shard per split, so there too the example order stays the same).</param>
    /// <param name="as_supervised">Accepted either way: this Dataset always yields (image, label) pairs, the order of
    /// <c>supervised_keys</c>. tfds would yield <c>{'image', 'label'}</c> dicts for false, which this typed Dataset has no form for.</param>
    /// <exception cref="DatasetException">The split string is malformed or unknown, or a file is missing or invalid.</exception>
    public Dataset as_dataset(string split, bool shuffle_files = false, bool as_supervised = false)
    {
        var (images, labels) = as_tensors(split);
        return Dataset.from_tensor_slices(images, labels);
    }

    /// <summary>
    /// The selected examples as two tensors, images uint8 <c>(N, 28, 28, 1)</c> and labels int64 <c>(N)</c>: what
    /// <c>tfds.load(..., batch_size=-1)</c> gives in tfds. Each call returns new tensor handles the caller may dispose.
    /// </summary>
    /// <exception cref="DatasetException">The split string is malformed or unknown, or a file is missing or invalid.</exception>
    public (Tensor image, Tensor label) as_tensors(string split)
    {
        var pieces = SplitSpec.Resolve(split, [.. info.splits.Values]);
        prepare([split]);
        var imageParts = new List<Tensor>();
        var labelParts = new List<Tensor>();
        foreach (var piece in pieces)
        {
            var (images, labels) = WholeSplit(piece.splitname);
            imageParts.Add(images.narrow(0, piece.from_, piece.num_examples));
            labelParts.Add(labels.narrow(0, piece.from_, piece.num_examples));
        }
        if (pieces.Count == 1)
            return (imageParts[0].DetachFromDisposeScope(), labelParts[0].DetachFromDisposeScope());
        var result = (torch.cat(imageParts, 0).DetachFromDisposeScope(), torch.cat(labelParts, 0).DetachFromDisposeScope());
        imageParts.ForEach(t => t.Dispose());
        labelParts.ForEach(t => t.Dispose());
        return result;
    }

    private (Tensor Images, Tensor Labels) WholeSplit(string splitName)
    {
        if (parsed.TryGetValue(splitName, out var whole))
            return whole;
        var split = definition.Splits.Single(s => s.Name == splitName);
        string imagesPath = files!.Paths[split.Images.filename], labelsPath = files.Paths[split.Labels.filename];
        var readImages = Task.Run(() => IdxReader.ReadImages(imagesPath, definition.ImageSize, definition.ImageSize));
        var labels = IdxReader.ReadLabels(labelsPath, definition.ClassNames.Count);
        var images = readImages.GetAwaiter().GetResult();
        if (images.count != labels.count)
            throw new DatasetException(
                $"{imagesPath} holds {images.count} images but {labelsPath} holds {labels.count} labels; " +
                $"the two files of split '{splitName}' must belong together. Replace them with the official files.", imagesPath);
        if (images.count != split.NumExamples)
            throw new DatasetException(
                $"{imagesPath} and {labelsPath} hold {images.count} examples; {definition.Name}'s '{splitName}' split has " +
                $"{split.NumExamples}. They are not the official files or are incomplete; replace them with the official files.", imagesPath);

        var imageTensor = torch.tensor(images.pixels, [images.count, images.rows, images.cols, 1], ScalarType.Byte).DetachFromDisposeScope();
        using var labelBytes = torch.tensor(labels.labels, [labels.count], ScalarType.Byte);
        var labelTensor = labelBytes.to_type(ScalarType.Int64).DetachFromDisposeScope();
        parsed[splitName] = (imageTensor, labelTensor);
        return (imageTensor, labelTensor);
    }

    /// <summary>Releases the whole-split tensors; datasets and tensors handed out stay valid (they hold their own references).</summary>
    public void Dispose()
    {
        foreach (var (images, labels) in parsed.Values)
        {
            images.Dispose();
            labels.Dispose();
        }
        parsed.Clear();
    }
}
