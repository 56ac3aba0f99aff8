using KerasMnist.Keras.Models;
using KerasMnist.Tests.Keras.Training;
using static KerasMnist.Keras.KerasApi;

namespace KerasMnist.Tests.Keras.Models;

/// <summary>
/// model.summary() against tf.keras 2.13–2.15's rendering. Layer names depend on the session's name counters,
/// so these tests run in the collection that has the process to itself.
/// </summary>
[Collection(GlobalStateCollection.Name)]
public class SummaryTests
{
    const string Rule = "_________________________________________________________________";
    const string Double = "=================================================================";
    const string Blank = "                                                                 ";

    [Fact]
    public void Mlp_summary_is_keras_2_text_exactly()
    {
        keras.backend.clear_session();
        var model = TestModels.Mlp();

        string[] expected =
        [
            "Model: \"sequential\"",
            Rule,
            " Layer (type)                Output Shape              Param #   ",
            Double,
            " flatten (Flatten)           (None, 784)               0         ",
            Blank,
            " dense (Dense)               (None, 128)               100480    ",
            Blank,
            " dense_1 (Dense)             (None, 10)                1290      ",
            Blank,
            Double,
            "Total params: 101770 (397.54 KB)",
            "Trainable params: 101770 (397.54 KB)",
            "Non-trainable params: 0 (0.00 Byte)",
            Rule,
        ];
        Assert.Equal(expected, TestModels.SummaryLines(model));
    }

    [Fact]
    public void Summary_is_unchanged_by_compile_and_fit_as_in_keras_2()
    {
        keras.backend.clear_session();
        var model = TestModels.Mlp();
        var before = TestModels.SummaryLines(model);
        model.compile(keras.optimizers.Adam(0.001f), keras.losses.SparseCategoricalCrossentropy(from_logits: true), ["accuracy"]);
        model.fit(TestModels.Mnistlike(16, 8, seed: 1), verbose: 0);
        Assert.Equal(before, TestModels.SummaryLines(model)); // Keras 3 would add "Optimizer params"
    }

    [Fact]
    public void Cnn_is_not_built_until_it_sees_data_then_shows_keras_shapes_and_counts()
    {
        keras.backend.clear_session();
        var model = TestModels.Cnn();

        var error = Assert.Throws<ModelNotBuiltException>(() => model.summary(print_fn: _ => { }));
        Assert.StartsWith("This model has not yet been built. Build the model first by calling `build()` or by calling the model on a batch of data.", error.Message);
        Assert.Equal("sequential", error.ModelName);

        using (var batch = TestModels.Images(2, seed: 3)) model.predict(batch).Dispose();
        var lines = TestModels.SummaryLines(model);

        Assert.Equal("Model: \"sequential\"", lines[0]);
        var rows = lines.Skip(4).TakeWhile(l => l != Double).Where(l => l != Blank).ToList();
        string[] expectedRows =
        [
            " conv2d (Conv2D)             (None, 26, 26, 8)         80        ",
            " max_pooling2d (MaxPooling2  (None, 13, 13, 8)         0         ",
            " D)                                                              ",
            " conv2d_1 (Conv2D)           (None, 11, 11, 16)        1168      ",
            " max_pooling2d_1 (MaxPoolin  (None, 5, 5, 16)          0         ",
            " g2D)                                                            ",
            " flatten (Flatten)           (None, 400)               0         ",
            " dense (Dense)               (None, 128)               51328     ",
            " dense_1 (Dense)             (None, 10)                1290      ",
        ];
        Assert.Equal(expectedRows, rows);
        Assert.Equal("Total params: 53866 (210.41 KB)", lines[^4]);
        Assert.Equal("Trainable params: 53866 (210.41 KB)", lines[^3]);
        Assert.Equal("Non-trainable params: 0 (0.00 Byte)", lines[^2]);
        Assert.All(lines.Skip(1), l => Assert.True(l.Length == 65 || l.StartsWith("Total") || l.Contains("params:"), l));
    }

    [Fact]
    public void Cnn_built_explicitly_matches_the_one_built_by_data()
    {
        keras.backend.clear_session();
        var byData = TestModels.Cnn();
        using (var batch = TestModels.Images(1, seed: 4)) byData.predict(batch).Dispose();
        keras.backend.clear_session();
        var byBuild = TestModels.Cnn();
        byBuild.Build((28, 28, 1));
        Assert.Equal(TestModels.SummaryLines(byData), TestModels.SummaryLines(byBuild));
    }

    [Fact]
    public void Branching_functional_model_has_connected_to_column_98_wide()
    {
        keras.backend.clear_session();
        var inputs = keras.Input(4);
        var hidden = keras.layers.Dense(4).Apply(inputs);
        var sum = keras.layers.Add().Apply(inputs, hidden);
        var model = keras.Model(inputs, keras.layers.Dense(2).Apply(sum));

        string rule = new('_', 98), twice = new('=', 98), blank = new(' ', 98);
        string[] expected =
        [
            "Model: \"model\"",
            rule,
            " Layer (type)                Output Shape                 Param #   Connected to                  ",
            twice,
            " input_1 (InputLayer)        [(None, 4)]                  0         []                            ",
            blank,
            " dense (Dense)               (None, 4)                    20        ['input_1[0][0]']             ",
            blank,
            " add (Add)                   (None, 4)                    0         ['input_1[0][0]',             ",
            "                                                                     'dense[0][0]']               ",
            blank,
            " dense_1 (Dense)             (None, 2)                    10        ['add[0][0]']                 ",
            blank,
            twice,
            "Total params: 30 (120.00 Byte)",
            "Trainable params: 30 (120.00 Byte)",
            "Non-trainable params: 0 (0.00 Byte)",
            rule,
        ];
        Assert.Equal(expected, TestModels.SummaryLines(model));
    }

    [Fact]
    public void Shared_layer_is_listed_once_with_both_calls()
    {
        keras.backend.clear_session();
        var inputs = keras.Input(3);
        var shared = keras.layers.Dense(3);
        var model = keras.Model(inputs, shared.Apply(shared.Apply(inputs)));
        var lines = TestModels.SummaryLines(model);
        Assert.Equal(98, lines[1].Length); // a layer called twice makes the model non-sequential, as in Keras
        Assert.Contains(" dense (Dense)               (None, 3)                    12        ['input_1[0][0]',             ", lines);
        Assert.Contains("                                                                     'dense[0][0]']               ", lines);
    }

    [Fact]
    public void Functional_chain_prints_like_a_sequential_but_keeps_its_input_row()
    {
        keras.backend.clear_session();
        var inputs = keras.Input((28, 28, 1));
        var x = keras.layers.Flatten().Apply(inputs);
        var model = keras.Model(inputs, keras.layers.Dense(10).Apply(x), name: "mnist_model");
        var lines = TestModels.SummaryLines(model);
        Assert.Equal("Model: \"mnist_model\"", lines[0]);
        Assert.Equal(" input_1 (InputLayer)        [(None, 28, 28, 1)]       0         ", lines[4]);
        Assert.Equal(" flatten (Flatten)           (None, 784)               0         ", lines[6]);
        Assert.Equal(" dense (Dense)               (None, 10)                7850      ", lines[8]);
        Assert.All(lines.Where(l => l.StartsWith('_') || l.StartsWith('=')), l => Assert.Equal(65, l.Length));
    }

    [Fact]
    public void Nested_model_is_one_row_with_its_class_and_totals_include_frozen_weights()
    {
        keras.backend.clear_session();
        var inner = keras.Sequential([keras.layers.Dense(5, input_shape: 4), keras.layers.BatchNormalization()], name: "block");
        var model = keras.Sequential(keras.layers.InputLayer(4), inner, keras.layers.Dense(2));
        var lines = TestModels.SummaryLines(model);
        Assert.Contains(" block (Sequential)          (None, 5)                 45        ", lines);
        // BatchNormalization(5): gamma and beta trainable, moving mean and variance not: 10 of 45 + 12 parameters frozen.
        Assert.Equal("Total params: 57 (228.00 Byte)", lines[^4]);
        Assert.Equal("Trainable params: 47 (188.00 Byte)", lines[^3]);
        Assert.Equal("Non-trainable params: 10 (40.00 Byte)", lines[^2]);

        inner.trainable = false;
        lines = TestModels.SummaryLines(model);
        Assert.Equal("Trainable params: 12 (48.00 Byte)", lines[^3]);
        Assert.Equal("Non-trainable params: 45 (180.00 Byte)", lines[^2]);
    }

    [Fact]
    public void Line_length_and_positions_are_honoured_and_impossible_ones_rejected()
    {
        keras.backend.clear_session();
        var model = TestModels.Mlp();
        var lines = TestModels.SummaryLines(model, line_length: 80, positions: [30, 60, 80]);
        // Absolute positions: the columns end at 30, 60 and 80.
        Assert.Equal(" dense (Dense)".PadRight(30) + "(None, 128)".PadRight(30) + "100480".PadRight(20), lines[6]);
        Assert.All(lines.Where(l => !l.Contains("params") && !l.StartsWith("Model")), l => Assert.Equal(80, l.Length));

        var wrongCount = Assert.Throws<ArgumentException>(() => model.summary(positions: [0.5f, 1f], print_fn: _ => { }));
        Assert.Contains("needs 3 positions", wrongCount.Message);
        var noRoom = Assert.Throws<ArgumentException>(() => model.summary(line_length: 6, print_fn: _ => { }));
        Assert.Contains("no room", noRoom.Message);
    }
}
