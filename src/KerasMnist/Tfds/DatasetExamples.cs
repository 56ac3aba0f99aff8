using KerasMnist.Datasets.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace KerasMnist.Tfds;

/// <summary>
/// Copies (image, label) elements out of a <see cref="Dataset"/> into plain arrays, the way
/// <c>tfds.as_numpy</c> does for the tfds visualizers. Accepts unbatched elements (image (H, W, C) or
/// (H, W)) and, where <c>allowBatched</c>, batches (B, H, W, C); every tensor is disposed after copying.
/// </summary>
public static class DatasetExamples
{
    /// <summary>The raw pixels (row-major, H·W·C bytes) and int64 labels of up to <paramref name="limit"/> examples.</summary>
    public static (List<byte[]> images, List<long> labels, long[] imageShape) Read(Dataset ds, long limit, bool allowBatched, string caller)
    {
        ArgumentNullException.ThrowIfNull(ds);
        var images = new List<byte[]>();
        var labels = new List<long>();
        long[]? shape = null;
        if (limit <= 0) return (images, labels, []);
        // Copying element by element costs ~10 native calls per image (seconds for 42,000); whole batches
        // cost the same per batch. Batching an already batched dataset would nest, hence the look first.
        if (allowBatched && limit > BlockSize && !FirstElementIsBatched(ds)) ds = ds.batch(BlockSize);
        foreach (var (x, y) in ds)
        {
            using (x)
            using (y)
            {
                if (x.dtype != ScalarType.Byte)
                    throw new ArgumentException(
                        $"{caller} expects the raw uint8 images as tfds.load returns them, but this dataset yields {x.dtype}; " +
                        "call it on the dataset before .map(...) converts the images.");
                bool batched = x.dim() == 4;
                if (batched && !allowBatched)
                    throw new ArgumentException(
                        $"{caller} needs unbatched examples (image of rank 3, e.g. (28, 28, 1)), but got shape " +
                        $"({string.Join(", ", x.shape)}); call it on the dataset before .batch(...).");
                if (x.dim() is < 2 or > 4)
                    throw new ArgumentException($"{caller}: an image must have rank 2 or 3, got shape ({string.Join(", ", x.shape)}).");
                long count = batched ? x.shape[0] : 1;
                var exampleShape = batched ? x.shape[1..] : x.shape;
                if (shape is null) shape = exampleShape;
                else if (!shape.SequenceEqual(exampleShape))
                    throw new ArgumentException(
                        $"{caller}: images change shape from ({string.Join(", ", shape)}) to ({string.Join(", ", exampleShape)}).");
                if (y.numel() != count)
                    throw new ArgumentException($"{caller}: {count} image(s) came with {y.numel()} label(s).");

                using var pixels = x.cpu().contiguous();
                using var ids = y.to_type(ScalarType.Int64).cpu().contiguous();
                // Tensor.bytes is one memory copy; data<byte>().ToArray() walks the elements one by one.
                var all = pixels.bytes.ToArray();
                var labelValues = ids.data<long>().ToArray();
                if (count == 1)
                {
                    images.Add(all);
                    labels.Add(labelValues[0]);
                }
                else
                {
                    int size = all.Length / (int)count;
                    for (int i = 0; i < count && images.Count < limit; i++)
                    {
                        images.Add(all.AsSpan(i * size, size).ToArray());
                        labels.Add(labelValues[i]);
                    }
                }
            }
            if (images.Count >= limit) break;
        }
        return (images, labels, shape ?? []);
    }

    private const int BlockSize = 4096;

    private static bool FirstElementIsBatched(Dataset ds)
    {
        foreach (var (x, y) in ds)
        {
            using (x)
            using (y)
                return x.dim() == 4;
        }
        return false;
    }
}
