using static TorchSharp.torch;

namespace KerasMnist.Datasets.Data;

/// <summary>Shapes written the way Python prints them, for error messages.</summary>
internal static class Shapes
{
    public static string Format(Tensor t) => Format(t.shape);

    public static string Format(long[] shape) => shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";
}
