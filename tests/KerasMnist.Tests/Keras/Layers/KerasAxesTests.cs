using KerasMnist.Keras.Layers;
using KerasMnist.Tests.Isolation;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Layers;

/// <summary>
/// Layers act on Keras's axes for inputs of rank 2, 3 and 4, whichever way the tensor is reached: <c>predict</c>, an eager
/// <c>Apply</c>, intermediate outputs of a functional model. Bodies that multiply along a wrong axis crashed libtorch
/// (mat1 and mat2 shapes cannot be multiplied), so they run in child processes.
/// </summary>
public class KerasAxesTests
{
    public static TheoryData<string> DenseInputs => new() { "2,3", "2,5,3", "2,4,3,3", "2,4,3,5", "5,6,3" };

    [Theory]
    [MemberData(nameof(DenseInputs))]
    public void Dense_multiplies_the_last_axis_of_inputs_of_any_rank(string shape) => Isolated.Run(DenseOnRank, shape);

    static void DenseOnRank(string[] args)
    {
        long[] shape = args[0].Split(',').Select(long.Parse).ToArray();
        var example = new KerasMnist.Keras.Shape(shape[1..].Select(d => (int)d).ToArray());
        var dense = keras.layers.Dense(4);
        var model = keras.Sequential(keras.layers.InputLayer(example), dense);
        var x = randn(shape);
        var y = model.predict(x);
        Assert.Equal([.. shape[..^1], 4], y.shape);
        var w = dense.GetWeights();
        var expected = x.matmul(w[0]).add(w[1]);
        Assert.True(y.allclose(expected, rtol: 1e-5, atol: 1e-6), "Dense's output is not x · kernel + bias over the last axis");
        Assert.Equal([.. shape[..^1], 4], dense.Apply(x).shape);
    }

    [Fact]
    public void A_model_fed_another_shape_throws_naming_the_model_and_both_shapes() => Isolated.Run(ModelFedAnotherShape);

    static void ModelFedAnotherShape(string[] args)
    {
        var model = keras.Sequential([keras.layers.InputLayer((4, 3, 3)), keras.layers.Dense(4)], name: "seq");
        var error = Assert.Throws<ArgumentException>(() => model.predict(randn(5, 6, 3)));
        Assert.Equal("Input 0 of layer \"seq\" is incompatible with the layer: expected shape=(None, 4, 3, 3), found shape=(None, 6, 3)",
            error.Message);
    }

    [Fact]
    public void Intermediate_outputs_of_a_functional_model_are_channels_last() => Isolated.Run(IntermediateOutputs);

    static void IntermediateOutputs(string[] args)
    {
        var input = keras.Input((5, 5, 2));
        var conv = keras.layers.Conv2D(3, 1);
        var dense = keras.layers.Dense(4);
        var features = conv.Apply(input);
        var output = dense.Apply(features);
        Assert.Equal(new KerasMnist.Keras.Shape(5, 5, 4), output.shape);
        var x = randn(2, 5, 5, 2);

        var convOut = keras.Model(input, features).predict(x);
        var k = conv.GetWeights();
        // A 1x1 convolution is a product over the channels, the last axis.
        Assert.True(convOut.allclose(x.matmul(k[0].reshape(2, 3)).add(k[1]), rtol: 1e-5, atol: 1e-6));

        var denseOut = keras.Model(input, output).predict(x);
        var d = dense.GetWeights();
        Assert.Equal([2L, 5, 5, 4], denseOut.shape);
        Assert.True(denseOut.allclose(convOut.matmul(d[0]).add(d[1]), rtol: 1e-5, atol: 1e-6));
    }

    public static TheoryData<string> Ranks => new() { "2,6", "2,3,6", "2,3,4,6" };

    [Theory]
    [MemberData(nameof(Ranks))]
    public void Flatten_reads_values_in_row_major_channels_last_order(string shape)
    {
        using var scope = NewDisposeScope();
        var x = randn(Dims(shape));
        var y = keras.layers.Flatten().Apply(x);
        Assert.True(y.equal(x.reshape(2, -1)).all().item<bool>());
    }

    [Theory]
    [MemberData(nameof(Ranks))]
    public void Activation_and_Softmax_act_on_the_last_axis(string shape)
    {
        using var scope = NewDisposeScope();
        var x = randn(Dims(shape));
        foreach (Layer layer in new Layer[] { keras.layers.Activation("softmax"), keras.layers.Softmax() })
            Assert.True(layer.Apply(x).allclose(nn.functional.softmax(x, -1)), $"{layer.name} on {shape}");
        Assert.True(keras.layers.Activation("relu").Apply(x).equal(x.relu()).all().item<bool>());
    }

    [Theory]
    [MemberData(nameof(Ranks))]
    public void Dropout_drops_elements_of_any_rank_in_training_only(string shape)
    {
        using var scope = NewDisposeScope();
        var x = rand(Dims(shape)).add(1);
        var dropout = keras.layers.Dropout(0.5f);
        Assert.True(dropout.Apply(x, training: false).equal(x).all().item<bool>());
        var y = dropout.Apply(x, training: true);
        Assert.Equal(x.shape, y.shape);
        var kept = y.ne(0);
        Assert.True(y.masked_select(kept).allclose(x.masked_select(kept).mul(2)));
    }

    static long[] Dims(string shape) => shape.Split(',').Select(long.Parse).ToArray();
}
