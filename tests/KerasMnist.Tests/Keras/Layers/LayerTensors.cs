using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Layers;

/// <summary>Small tensors in Keras layout for layer tests, and their values back as arrays.</summary>
internal static class LayerTensors
{
    /// <summary>A float32 tensor of <paramref name="shape"/> holding <paramref name="values"/> in row-major order.</summary>
    public static Tensor Of(float[] values, params long[] shape) => tensor(values).reshape(shape);

    /// <summary>The tensor's values in row-major order (any layout, any device).</summary>
    public static float[] Values(Tensor t)
    {
        using var c = t.detach().cpu().contiguous();
        return c.data<float>().ToArray();
    }

    /// <summary>Asserts element-wise closeness with an absolute tolerance, naming the first index that differs.</summary>
    public static void Close(IReadOnlyList<double> expected, IReadOnlyList<float> actual, double tolerance = 1e-5)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"index {i}: expected {expected[i]}, got {actual[i]}");
    }
}
