using KerasMnist.Keras.Layers;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Layers;

/// <summary>
/// BatchNormalization, Conv2D and pooling on Keras's axes: the ranks Keras allows, any image size once built, and
/// Keras's <c>InputSpec</c> errors (layer name and both shapes) for the ranks and sizes it refuses.
/// </summary>
public class ImageLayerAxesTests
{
    [Theory]
    [InlineData(new long[] { 64, 3 })]
    [InlineData(new long[] { 16, 4, 3 })]
    [InlineData(new long[] { 8, 4, 2, 3 })]
    public void BatchNormalization_normalises_each_channel_of_the_last_axis(long[] shape)
    {
        using var scope = NewDisposeScope();
        var x = randn(shape).mul(tensor(new[] { 1f, 5f, 20f })).add(tensor(new[] { -3f, 0f, 7f }));
        var y = keras.layers.BatchNormalization(epsilon: 1e-5f).Apply(x, training: true);
        var perChannel = y.reshape(-1, 3);
        Assert.True(perChannel.mean([0]).abs().max().item<float>() < 1e-4, "channel means are not 0");
        Assert.True((perChannel.var([0], unbiased: false) - 1).abs().max().item<float>() < 1e-3, "channel variances are not 1");
    }

    [Fact]
    public void BatchNormalization_refuses_another_channel_count_or_rank_as_Keras_words_it()
    {
        using var scope = NewDisposeScope();
        var bn = keras.layers.BatchNormalization(name: "bn");
        bn.Apply(randn(2, 4, 4, 3));
        var channels = Assert.Throws<ArgumentException>(() => bn.Apply(randn(2, 4, 4, 5)));
        Assert.Equal("Input 0 of layer \"bn\" is incompatible with the layer: expected axis -1 of input shape to have value 3, " +
                     "but received input with shape (2, 4, 4, 5)", channels.Message);
        var rank = Assert.Throws<ArgumentException>(() => bn.Apply(randn(2, 4, 3)));
        Assert.Equal("Input 0 of layer \"bn\" is incompatible with the layer: expected ndim=4, found ndim=3. Full shape received: (2, 4, 3)",
            rank.Message);
    }

    [Fact]
    public void Conv2D_refuses_inputs_without_image_axes_as_Keras_words_it()
    {
        var error = Assert.Throws<ArgumentException>(() => keras.layers.Conv2D(4, 3, name: "conv").Apply(keras.Input((28, 28))));
        Assert.Equal("Input 0 of layer \"conv\" is incompatible with the layer: expected min_ndim=4, found ndim=3. " +
                     "Full shape received: (None, 28, 28)", error.Message);
    }

    [Fact]
    public void Conv2D_takes_any_image_size_once_built_but_only_its_channel_count()
    {
        using var scope = NewDisposeScope();
        var conv = keras.layers.Conv2D(4, 3, strides: 2, padding: "same", name: "conv");
        conv.Apply(randn(2, 8, 8, 1));
        var larger = randn(2, 11, 9, 1);
        var y = conv.Apply(larger);
        // A fresh layer with the same weights, built for this size, gives the same values ("same" padding per size).
        var fresh = keras.layers.Conv2D(4, 3, strides: 2, padding: "same");
        fresh.Build((11, 9, 1));
        fresh.SetWeights(conv.GetWeights());
        Assert.Equal([2L, 6, 5, 4], y.shape);
        Assert.True(y.allclose(fresh.Apply(larger), rtol: 1e-5, atol: 1e-6));

        var error = Assert.Throws<ArgumentException>(() => conv.Apply(randn(2, 8, 8, 3)));
        Assert.Equal("Input 0 of layer \"conv\" is incompatible with the layer: expected axis -1 of input shape to have value 1, " +
                     "but received input with shape (2, 8, 8, 3)", error.Message);
    }

    [Fact]
    public void Conv2D_folds_axes_before_the_image_into_the_batch_as_tf_keras()
    {
        using var scope = NewDisposeScope();
        var conv = keras.layers.Conv2D(4, 3);
        var x = randn([2, 3, 6, 6, 1]);
        var y = conv.Apply(x);
        Assert.Equal([2L, 3, 4, 4, 4], y.shape);
        Assert.True(y[1, 2].allclose(conv.Apply(x[1, 2].unsqueeze(0))[0], rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void Pooling_refuses_inputs_without_image_axes_as_Keras_words_it()
    {
        foreach (Layer pool in new Layer[]
                 { keras.layers.MaxPooling2D(name: "pool"), keras.layers.GlobalAveragePooling2D(name: "pool") })
        {
            var error = Assert.Throws<ArgumentException>(() => pool.Apply(randn(5, 6, 3)));
            Assert.Equal("Input 0 of layer \"pool\" is incompatible with the layer: expected ndim=4, found ndim=3. " +
                         "Full shape received: (5, 6, 3)", error.Message);
        }
    }

    [Fact]
    public void MaxPooling2D_pads_each_image_size_it_sees()
    {
        using var scope = NewDisposeScope();
        var pool = keras.layers.MaxPooling2D(3, strides: 2, padding: "same");
        pool.Apply(randn(1, 8, 8, 2));
        var x = randn(1, 5, 7, 2).sub(10); // all negative: a zero-padded border would win the max
        var y = pool.Apply(x);
        Assert.Equal([1L, 3, 4, 2], y.shape);
        Assert.True(y.equal(keras.layers.MaxPooling2D(3, strides: 2, padding: "same").Apply(x)).all().item<bool>());
        Assert.True(y.max().item<float>() < 0);
    }

    [Fact]
    public void GlobalAveragePooling2D_averages_height_and_width()
    {
        using var scope = NewDisposeScope();
        var x = randn(2, 5, 7, 3);
        Assert.True(keras.layers.GlobalAveragePooling2D().Apply(x).allclose(x.mean([1, 2]), rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void Dense_refuses_a_batch_without_features_and_another_feature_count_as_Keras_words_it()
    {
        using var scope = NewDisposeScope();
        var dense = keras.layers.Dense(4, name: "dense_a");
        var flat = Assert.Throws<ArgumentException>(() => dense.Apply(randn(5)));
        Assert.Equal("Input 0 of layer \"dense_a\" is incompatible with the layer: expected min_ndim=2, found ndim=1. " +
                     "Full shape received: (5,)", flat.Message);
        dense.Apply(randn(2, 784));
        var other = Assert.Throws<ArgumentException>(() => dense.Apply(keras.Input(100)));
        Assert.Equal("Input 0 of layer \"dense_a\" is incompatible with the layer: expected axis -1 of input shape to have value 784, " +
                     "but received input with shape (None, 100)", other.Message);
    }
}
