using KerasMnist.Datasets;
using KerasMnist.Imaging.Preprocessing;
using KerasMnist.Tests.Fixtures;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Imaging;

/// <summary>The 10,000 MNIST test images and labels, for composing synthetic scans and fields with known answers.</summary>
public sealed class MnistTestDigits
{
    public MnistTestDigits()
    {
        using var builder = tfds.builder("mnist", data_dir: SharedMnist.Folder, download: false);
        var (images, labels) = builder.as_tensors("test");
        using (images)
        using (labels)
        {
            Images = images.to_type(ScalarType.Float32).data<float>().ToArray();
            Labels = labels.data<long>().ToArray().Select(l => (int)l).ToArray();
        }
    }

    /// <summary>784 values 0..255 per image, white on black.</summary>
    public float[] Images { get; }

    public int[] Labels { get; }

    public int Count => Labels.Length;

    /// <summary>Test image <paramref name="index"/> as a 28x28 grey image (a copy).</summary>
    public GrayImage Digit(int index) => new(28, 28, Images.AsSpan(index * 784, 784).ToArray());
}
