using KerasMnist.Datasets.Data;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Training;

/// <summary>Mistakes a Keras user makes get Keras's errors: what was wrong, with the names and shapes involved.</summary>
public class ErrorMessageTests
{
    static Dataset Images(int count, params long[] shape)
    {
        using var x = zeros(shape.Prepend(count).ToArray());
        using var y = zeros(count, ScalarType.Int64);
        return Dataset.from_tensor_slices(x, y).batch(count);
    }

    [Fact]
    public void Built_dense_fed_the_wrong_width_names_the_layer_and_both_shapes()
    {
        var dense = keras.layers.Dense(10, name: "classifier");
        dense.Build(new KerasMnist.Keras.Shape(784));
        using var x = zeros(32, 100);
        var e = Assert.Throws<ArgumentException>(() => dense.Apply(x));
        Assert.Contains("\"classifier\"", e.Message);
        Assert.Contains("784", e.Message);
        Assert.Contains("(32, 100)", e.Message); // an eager call names the real batch size, as Keras does
    }

    [Fact]
    public void Model_fed_images_of_the_wrong_shape_names_the_layer_and_both_shapes()
    {
        var model = keras.Sequential([
            keras.layers.Flatten(input_shape: (28, 28, 1), name: "pixels"),
            keras.layers.Dense(128, activation: "relu"),
            keras.layers.Dense(10)], name: "mnist_mlp");
        model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: true));
        var e = Assert.Throws<ArgumentException>(() => model.fit(Images(4, 32, 32, 3), verbose: 0));
        // Keras names the model or its first layer, depending on where the input spec sits.
        Assert.True(e.Message.Contains("\"mnist_mlp\"") || e.Message.Contains("\"pixels\""), e.Message);
        Assert.Contains("(None, 28, 28, 1)", e.Message);
        Assert.Contains("(None, 32, 32, 3)", e.Message);
    }

    [Fact]
    public void Fit_and_evaluate_before_compile_say_to_call_compile()
    {
        var model = keras.Sequential([keras.layers.Dense(2, input_shape: 3)], name: "uncompiled");
        var fit = Assert.Throws<InvalidOperationException>(() => model.fit(Images(2, 3), verbose: 0));
        Assert.Contains("compile()", fit.Message);
        Assert.Contains("fit()", fit.Message);
        var evaluate = Assert.Throws<InvalidOperationException>(() => model.evaluate(Images(2, 3), verbose: 0));
        Assert.Contains("compile()", evaluate.Message);
        Assert.Contains("evaluate()", evaluate.Message);
    }

    [Fact]
    public void Unknown_activation_lists_the_valid_names()
    {
        var e = Assert.Throws<ArgumentException>(() => keras.layers.Dense(10, activation: "rellu"));
        Assert.Contains("'rellu'", e.Message);
        foreach (var name in new[] { "relu", "softmax", "sigmoid", "tanh", "linear" }) Assert.Contains(name, e.Message);
    }

    [Theory]
    [InlineData("adamw", "sparse_categorical_crossentropy", "accuracy", "'adamw'", "adam")]
    [InlineData("adam", "sparse_crossentropy", "accuracy", "'sparse_crossentropy'", "sparse_categorical_crossentropy")]
    [InlineData("adam", "sparse_categorical_crossentropy", "acuracy", "'acuracy'", "sparse_categorical_accuracy")]
    public void Unknown_optimizer_loss_or_metric_names_list_the_valid_ones(
        string optimizer, string loss, string metric, string quoted, string valid)
    {
        var model = keras.Sequential(keras.layers.Dense(2, input_shape: 3));
        var e = Assert.Throws<ArgumentException>(() => model.compile(optimizer, loss, [metric]));
        Assert.Contains(quoted, e.Message);
        Assert.Contains("Valid names", e.Message);
        Assert.Contains(valid, e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Non_positive_units_or_filters_are_rejected_with_the_value(int count)
    {
        var dense = Assert.Throws<ArgumentException>(() => keras.layers.Dense(count));
        Assert.Contains("units", dense.Message);
        Assert.Contains($"units={count}", dense.Message);
        var conv = Assert.Throws<ArgumentException>(() => keras.layers.Conv2D(count, 3));
        Assert.Contains($"filters={count}", conv.Message);
    }
}
