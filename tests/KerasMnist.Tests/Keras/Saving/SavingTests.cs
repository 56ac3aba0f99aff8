using KerasMnist.Keras.Layers;
using KerasMnist.Keras.Losses;
using KerasMnist.Keras.Models;
using KerasMnist.Keras.Optimizers;
using KerasMnist.Keras.Regularizers;
using KerasMnist.Tests.Fixtures;
using KerasMnist.Tests.Keras.Models;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Saving;

/// <summary>model.save / keras.models.load_model round trips: same architecture, bitwise-equal predictions, same compile state.</summary>
public class SavingTests
{
    static Model RoundTrip(Model model, TempFolder folder, string file = "model.keras")
    {
        var path = folder.Combine(file);
        model.save(path);
        Assert.Equal([file], folder.Files()); // no temporary file left next to it
        return keras.models.load_model(path);
    }

    static void AssertSamePredictions(Model original, Model loaded, Tensor batch)
    {
        using var expected = original.predict(batch);
        using var actual = loaded.predict(batch);
        Assert.True(TestModels.BitwiseEqual(expected, actual), "the reloaded model predicts differently");
    }

    static void TrainBriefly(Model model, int seed)
    {
        model.compile(keras.optimizers.Adam(0.01f), keras.losses.SparseCategoricalCrossentropy(from_logits: true),
            [keras.metrics.SparseCategoricalAccuracy()]);
        model.fit(TestModels.Mnistlike(32, 16, seed), epochs: 2, verbose: 0);
    }

    [Fact]
    public void Mlp_reloads_with_its_weights_architecture_and_compile_state()
    {
        using var folder = new TempFolder();
        var model = TestModels.Mlp();
        TrainBriefly(model, seed: 10);

        var loaded = RoundTrip(model, folder);

        Assert.IsType<Sequential>(loaded);
        Assert.Equal(model.name, loaded.name);
        Assert.Equal(model.layers.Select(l => (l.name, l.ClassName)), loaded.layers.Select(l => (l.name, l.ClassName)));
        Assert.Equal(TestModels.SummaryLines(model), TestModels.SummaryLines(loaded));
        using (var batch = TestModels.Images(8, seed: 11)) AssertSamePredictions(model, loaded, batch);

        var adam = Assert.IsType<Adam>(loaded.optimizer);
        Assert.Equal(0.01f, adam.learning_rate);
        Assert.True(Assert.IsType<SparseCategoricalCrossentropy>(loaded.loss).from_logits);
        Assert.Equal(model.metrics_names, loaded.metrics_names);
        var data = TestModels.Mnistlike(24, 8, seed: 12);
        Assert.Equal(model.evaluate(data, verbose: 0).ToArray(), loaded.evaluate(data, verbose: 0).ToArray());
    }

    [Fact]
    public void Cnn_built_by_fit_reloads_built_with_its_regularizers()
    {
        using var folder = new TempFolder();
        var model = TestModels.Cnn();
        TrainBriefly(model, seed: 20);

        var loaded = RoundTrip(model, folder);

        Assert.Equal(53866, loaded.count_params());
        var conv = Assert.IsType<Conv2D>(loaded.layers[0]);
        Assert.Equal(1e-3f, Assert.IsType<L2>(conv.kernel_regularizer).l2);
        Assert.Equal("relu", conv.activation.name);
        using (var batch = TestModels.Images(8, seed: 21)) AssertSamePredictions(model, loaded, batch);
        // The L2 penalties are part of evaluate's loss, so equal losses also show the regularizers came back.
        var data = TestModels.Mnistlike(16, 8, seed: 22);
        Assert.Equal(model.evaluate(data, verbose: 0).ToArray(), loaded.evaluate(data, verbose: 0).ToArray());
    }

    [Fact]
    public void Uncompiled_or_compile_false_loads_without_compile_state()
    {
        using var folder = new TempFolder();
        var model = TestModels.Mlp();
        var path = folder.Combine("plain.keras");
        model.save(path);
        Assert.Null(keras.models.load_model(path).optimizer);

        TrainBriefly(model, seed: 30);
        model.save(path);
        var loaded = keras.models.load_model(path, compile: false);
        Assert.Null(loaded.optimizer);
        using var batch = TestModels.Images(4, seed: 31);
        AssertSamePredictions(model, loaded, batch);
    }

    [Fact]
    public void Functional_graph_with_every_layer_kind_reloads_with_moving_statistics()
    {
        using var folder = new TempFolder();
        var inputs = keras.Input((28, 28, 1));
        var x = keras.layers.ZeroPadding2D(((1, 2), (0, 1))).Apply(inputs);
        x = keras.layers.Conv2D(4, 3, strides: 2, padding: "same").Apply(x);
        var y = keras.layers.BatchNormalization(momentum: 0.5f).Apply(x);
        y = keras.layers.Activation("relu").Apply(y);
        var shortcut = keras.layers.Conv2D(4, 1).Apply(x);
        x = keras.layers.Add().Apply(shortcut, y);
        x = keras.layers.MaxPooling2D(2).Apply(x);
        var avg = keras.layers.GlobalAveragePooling2D().Apply(x);
        var max = keras.layers.GlobalMaxPooling2D().Apply(x);
        x = keras.layers.Add().Apply(avg, max);
        x = keras.layers.Dropout(0.25f).Apply(x);
        x = keras.layers.Dense(10).Apply(x);
        var model = keras.Model(inputs, keras.layers.Softmax().Apply(x), name: "graph");
        model.compile(keras.optimizers.Adam(0.01f), keras.losses.SparseCategoricalCrossentropy(), ["accuracy"]);
        model.fit(TestModels.Mnistlike(32, 16, seed: 40), verbose: 0);

        var loaded = Assert.IsType<Functional>(RoundTrip(model, folder));

        Assert.Equal(model.layers.Select(l => l.name), loaded.layers.Select(l => l.name));
        Assert.Equal(TestModels.SummaryLines(model), TestModels.SummaryLines(loaded)); // graph and connections too
        var bn = loaded.layers.OfType<BatchNormalization>().Single();
        Assert.Equal(0.5f, bn.momentum);
        // Training moved the moving mean away from its zero start; the file must carry that non-trainable state.
        Assert.True(bn.non_trainable_weights.First().Value.abs().sum().item<float>() > 0);
        using var batch = TestModels.Images(6, seed: 41);
        AssertSamePredictions(model, loaded, batch);
    }

    [Fact]
    public void Nested_models_and_frozen_layers_reload()
    {
        using var folder = new TempFolder();
        var block = keras.Sequential([keras.layers.Dense(6, activation: "tanh", input_shape: 5), keras.layers.Dense(4)], name: "block");
        block.trainable = false;
        var model = keras.Sequential(keras.layers.InputLayer(5), block, new Scale(3f), keras.layers.Dense(2));
        model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: true));

        var path = folder.Combine("nested.keras");
        model.save(path);
        var loaded = keras.models.load_model(path, custom_objects: new Dictionary<string, Type> { ["Scale"] = typeof(Scale) });

        var inner = Assert.IsType<Sequential>(loaded.layers[0]);
        Assert.False(inner.trainable);
        Assert.Equal(3f, Assert.IsType<Scale>(loaded.layers[1]).factor);
        Assert.Equal(TestModels.SummaryLines(model), TestModels.SummaryLines(loaded));
        using var batch = rand(7, 5);
        AssertSamePredictions(model, loaded, batch);
    }

    [Fact]
    public void Architecture_alone_round_trips_through_json_with_fresh_weights()
    {
        var model = TestModels.Cnn();
        model.Build((28, 28, 1));
        var rebuilt = keras.models.model_from_json(model.to_json());
        Assert.Equal(TestModels.SummaryLines(model), TestModels.SummaryLines(rebuilt));
        Assert.Equal(model.to_json(), rebuilt.to_json());
        // New weights, drawn again: the same shapes with other values.
        Assert.False(TestModels.BitwiseEqual(model.weights[0].Value, rebuilt.weights[0].Value));
    }

    [Fact]
    public void GetWeights_and_SetWeights_copy_values_and_check_shapes()
    {
        var a = TestModels.Mlp();
        var b = TestModels.Mlp();
        var weights = a.GetWeights();
        Assert.Equal(3 * 2 - 2, weights.Count); // Flatten has none; two Dense layers with kernel and bias
        b.SetWeights(weights);
        using var batch = TestModels.Images(3, seed: 50);
        AssertSamePredictions(a, b, batch);

        weights[0].add_(1); // a copy: changing it leaves the model alone
        Assert.False(TestModels.BitwiseEqual(weights[0], a.weights[0].Value));

        var wrong = Assert.Throws<ArgumentException>(() => b.SetWeights(weights.Take(3).ToList()));
        Assert.Contains("got 3 arrays", wrong.Message);
        weights[1] = zeros(5);
        var shape = Assert.Throws<ArgumentException>(() => b.SetWeights(weights));
        Assert.Contains("has shape (128)", shape.Message);
    }
}
