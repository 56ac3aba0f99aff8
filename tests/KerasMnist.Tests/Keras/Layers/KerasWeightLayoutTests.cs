using System.IO.Compression;
using KerasMnist.Keras.Layers;
using PureHDF;
using KerasMnist.Tests.Keras.Models;
using KerasMnist.Tests.Keras.Saving;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Layers;

/// <summary>
/// Weights in Keras's layout at every public accessor (issue 9, item 3): get_weights/set_weights, layer.kernel and
/// variable.shape/numpy/assign give Conv2D kernels as (kh, kw, in, filters), Dense kernels as (in, units) and
/// BatchNormalization's weights as gamma, beta, moving_mean, moving_variance, so weights move between Python Keras and
/// this port unchanged. (The engine keeps Conv2D's kernel as (filters, in, kh, kw) inside; before, get_weights leaked that.)
/// </summary>
public class KerasWeightLayoutTests
{
    [Fact]
    public void Conv2D_kernel_is_kh_kw_in_filters_and_computes_as_keras_defines_it()
    {
        var conv = keras.layers.Conv2D(3, (2, 2));
        conv.Build((3, 3, 2));
        Assert.Equal(new long[] { 2, 2, 2, 3 }, conv.kernel!.shape);
        Assert.Equal([[2, 2, 2, 3], [3]], conv.GetWeights().Select(w => w.shape).ToArray());

        // A kernel given in Keras's layout, and the output Keras's formula gives for it:
        // y[i, j, f] = Σ_{a, b, c} x[i + a, j + b, c] · k[a, b, c, f] + bias[f].
        var k = Enumerable.Range(0, 24).Select(v => (float)(v % 7) - 3).ToArray();
        var bias = new float[] { 0.5f, -1, 2 };
        var x = Enumerable.Range(0, 18).Select(v => (float)(v % 5) / 4).ToArray();
        conv.SetWeights([tensor(k).reshape(2, 2, 2, 3), tensor(bias)]);
        using var y = conv.Apply(tensor(x).reshape(1, 3, 3, 2));
        var expected = new List<double>();
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                for (int f = 0; f < 3; f++)
                {
                    double sum = bias[f];
                    for (int a = 0; a < 2; a++)
                        for (int b = 0; b < 2; b++)
                            for (int c = 0; c < 2; c++)
                                sum += x[((i + a) * 3 + (j + b)) * 2 + c] * k[((a * 2 + b) * 2 + c) * 3 + f];
                    expected.Add(sum);
                }
        LayerTensors.Close(expected, LayerTensors.Values(y));
        // And numpy() gives back exactly what was set.
        Assert.Equal(k, LayerTensors.Values(conv.kernel.numpy()));
    }

    [Fact]
    public void Dense_and_batch_normalization_weights_have_keras_shapes_names_and_order()
    {
        var dense = keras.layers.Dense(4);
        dense.Build(7);
        Assert.Equal(new long[] { 7, 4 }, dense.kernel!.shape);
        Assert.Equal(new long[] { 4 }, dense.bias!.shape);

        var bn = keras.layers.BatchNormalization();
        bn.Build((5, 5, 6));
        Assert.Equal(["gamma", "beta", "moving_mean", "moving_variance"], bn.weights.Select(w => w.Name));
        Assert.Same(bn.gamma, bn.weights[0]);
        Assert.Same(bn.moving_variance, bn.weights[3]);
        Assert.All(bn.GetWeights(), w => Assert.Equal(new long[] { 6 }, w.shape));
    }

    [Fact]
    public void Assign_checks_the_keras_shape()
    {
        var conv = keras.layers.Conv2D(8, 3);
        conv.Build((10, 10, 4));
        var error = Assert.Throws<ArgumentException>(() => conv.kernel!.assign(zeros(8, 4, 3, 3)));
        Assert.Contains("shape (8, 4, 3, 3)", error.Message);
        Assert.Contains("variable \"kernel\" of shape (3, 3, 4, 8)", error.Message);
    }

    [Fact]
    public void Get_weights_of_a_keras_file_are_its_hdf5_datasets_unchanged_and_set_weights_moves_them()
    {
        var loaded = keras.models.load_model(PublishedModels.Keras3Cnn);
        var weights = loaded.GetWeights();

        // The same arrays, in the same order, as Keras stored them (layers/<class path>/vars/<i>).
        string[] paths = ["conv2d/vars/0", "conv2d/vars/1", "conv2d_1/vars/0", "conv2d_1/vars/1", "dense/vars/0", "dense/vars/1"];
        using (var zip = ZipFile.OpenRead(PublishedModels.Keras3Cnn))
        using (var bytes = new MemoryStream())
        {
            using (var s = zip.GetEntry("model.weights.h5")!.Open()) s.CopyTo(bytes);
            bytes.Position = 0;
            using var h5 = PureHDF.H5File.Open(bytes);
            Assert.Equal(paths.Length, weights.Count);
            for (int i = 0; i < paths.Length; i++)
            {
                var dataset = h5.Dataset("layers/" + paths[i]);
                Assert.Equal(dataset.Space.Dimensions.Select(d => (long)d), weights[i].shape);
                Assert.Equal(dataset.Read<float[]>(), LayerTensors.Values(weights[i]));
            }
        }

        var fresh = keras.Sequential(
            keras.layers.InputLayer((28, 28, 1)),
            keras.layers.Conv2D(32, 3, activation: "relu"), keras.layers.MaxPooling2D(2),
            keras.layers.Conv2D(64, 3, activation: "relu"), keras.layers.MaxPooling2D(2),
            keras.layers.Flatten(), keras.layers.Dropout(0.5f), keras.layers.Dense(10, activation: "softmax"));
        fresh.SetWeights(weights);
        using var batch = TestModels.Images(5, seed: 90);
        Assert.True(TestModels.BitwiseEqual(loaded.predict(batch), fresh.predict(batch)));
    }
}
