using KerasMnist.Keras.Layers;
using KerasMnist.Keras.Models;
using static KerasMnist.Keras.KerasApi;

namespace KerasMnist.Tests.Keras.Models;

/// <summary>
/// A model whose input shape is known is built at construction, as Keras builds it: <c>built</c>, <c>input_shape</c>,
/// <c>output_shape</c> and <c>summary()</c> work before compile and fit.
/// </summary>
public class BuiltAtConstructionTests
{
    static Layer[] Mlp(Layer first) => [first, keras.layers.Dense(128, activation: "relu"), keras.layers.Dense(10)];

    public static TheoryData<string> Firsts => new() { "input_shape", "InputLayer" };

    [Theory]
    [MemberData(nameof(Firsts))]
    public void A_sequential_with_a_known_input_shape_is_built(string first)
    {
        Layer[] layers = first == "input_shape"
            ? Mlp(keras.layers.Flatten(input_shape: (28, 28, 1)))
            : [keras.layers.InputLayer((28, 28, 1)), .. Mlp(keras.layers.Flatten())];
        var model = keras.Sequential(layers);

        Assert.True(model.built);
        Assert.Equal(new KerasMnist.Keras.Shape(28, 28, 1), model.input_shape);
        Assert.Equal(new KerasMnist.Keras.Shape(10), model.output_shape);
        var lines = new List<string>();
        model.summary(print_fn: lines.Add);
        Assert.Contains("Total params: 101770 (397.54 KB)", lines);
    }

    [Fact]
    public void A_functional_model_is_built_from_its_input()
    {
        var input = keras.Input((28, 28, 1));
        var output = keras.layers.Dense(10).Apply(keras.layers.Flatten().Apply(input));
        var model = keras.Model(input, output);
        Assert.True(model.built);
        Assert.Equal(new KerasMnist.Keras.Shape(28, 28, 1), model.input_shape);
        Assert.Equal(new KerasMnist.Keras.Shape(10), model.output_shape);
    }

    [Fact]
    public void Adding_a_layer_to_a_built_sequential_builds_it_again_and_one_without_input_shape_waits_for_data()
    {
        var model = keras.Sequential(keras.layers.Flatten(input_shape: (4, 4, 1)), keras.layers.Dense(8));
        model.add(keras.layers.Dense(3));
        Assert.Equal(new KerasMnist.Keras.Shape(3), model.output_shape);

        var unknown = keras.Sequential(keras.layers.Flatten(), keras.layers.Dense(8));
        Assert.False(unknown.built);
        Assert.Null(unknown.output_shape);
        Assert.Throws<ModelNotBuiltException>(() => unknown.summary(print_fn: _ => { }));
    }
}
