namespace KerasMnist.Keras.Backend;

/// <summary>Keras's <c>padding="valid"|"same"</c> arithmetic for one spatial dimension.</summary>
internal static class Padding
{
    public static string Validate(string padding, string layer) => padding switch
    {
        "valid" or "same" => padding,
        _ => throw new ArgumentException($"Invalid padding '{padding}' for layer \"{layer}\". Valid values: \"valid\", \"same\"."),
    };

    /// <summary>Output length: valid = ⌊(n − k) / s⌋ + 1, same = ⌈n / s⌉.</summary>
    public static int OutputLength(int n, int kernel, int stride, string padding) =>
        padding == "same" ? (n + stride - 1) / stride : n < kernel ? 0 : (n - kernel) / stride + 1;

    /// <summary>TensorFlow's "same" padding: the total split with the extra pixel at the end.</summary>
    public static (int before, int after) Same(int n, int kernel, int stride)
    {
        int outLen = (n + stride - 1) / stride;
        int total = Math.Max(0, (outLen - 1) * stride + kernel - n);
        return (total / 2, total - total / 2);
    }
}
