using KerasMnist.Keras.Layers;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Layers;

/// <summary>
/// Inside, images stay in channels-last memory from layer to layer (the faster kernels here, see Layout). A layer
/// whose output fell back to contiguous NCHW would turn every layer after it NCHW too; in Keras layout that shows
/// as an output that is no longer contiguous NHWC memory.
/// </summary>
public class ChannelsLastLayoutTests
{
    public static TheoryData<string, int> Layers => new()
    {
        { "conv2d", 1 }, { "conv2d", 3 }, { "conv2d_same_strided", 3 }, { "max_pooling2d", 1 }, { "max_pooling2d", 8 },
        { "zero_padding2d", 1 }, { "zero_padding2d", 8 }, { "batch_normalization", 8 }, { "activation", 8 },
        { "global_average_pooling2d", 8 },
    };

    static Layer Create(string name) => name switch
    {
        "conv2d" => keras.layers.Conv2D(4, 3),
        "conv2d_same_strided" => keras.layers.Conv2D(4, 3, strides: 2, padding: "same"),
        "max_pooling2d" => keras.layers.MaxPooling2D(),
        "zero_padding2d" => keras.layers.ZeroPadding2D(2),
        "batch_normalization" => keras.layers.BatchNormalization(),
        "activation" => keras.layers.Activation("relu"),
        "global_average_pooling2d" => keras.layers.GlobalAveragePooling2D(),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Layers))]
    public void Layer_output_keeps_channels_last_memory(string layer, int channels)
    {
        using var scope = NewDisposeScope();
        var x = rand(2, 9, 9, channels);
        foreach (bool training in new[] { false, true })
        {
            var y = Create(layer).Apply(x, training);
            Assert.True(y.is_contiguous(), $"{layer} on {channels} channel(s), training={training}: output strides " +
                                           $"({string.Join(", ", y.stride())}) for shape ({string.Join(", ", y.shape)}) are not NHWC");
        }
    }
}
