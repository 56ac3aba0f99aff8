using System.Text.Json.Nodes;
using KerasMnist.Datasets.Data;
using KerasMnist.Keras;
using KerasMnist.Keras.Layers;
using KerasMnist.Keras.Metrics;
using KerasMnist.Keras.Models;
using KerasMnist.Keras.Optimizers;
using KerasMnist.Tests.Fixtures;
using KerasMnist.Tests.Keras.Models;
using PureHDF;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;
using L = KerasMnist.Tests.Keras.Saving.LegacyFiles;

namespace KerasMnist.Tests.Keras.Saving;

/// <summary>
/// tf.keras 2 .h5 model files in the forms published MNIST models use: no InputLayer (the input shape, with a fixed
/// batch size, on the first layer), a (28, 28) input without channel axis, BatchNormalization with <c>axis: [1]</c>,
/// initializers this port lacks, <c>Custom>Adam</c> and <c>MeanMetricWrapper</c> (tf.keras 2.15), functional graphs with
/// tf.keras's inbound_nodes; and the errors for what the port does not implement.
/// </summary>
public class LegacyFormatTests
{
    static JsonObject Dense(string name, int units, string activation) => L.Layer("Dense", name, new JsonObject
    {
        ["units"] = units, ["activation"] = activation, ["use_bias"] = true,
        // He initialisation, which this port does not implement: harmless, the file's weights replace it.
        ["kernel_initializer"] = new JsonObject { ["class_name"] = "HeNormal", ["config"] = new JsonObject { ["seed"] = null } },
        ["bias_initializer"] = new JsonObject { ["class_name"] = "Zeros", ["config"] = new JsonObject() },
        ["kernel_regularizer"] = null, ["bias_regularizer"] = null, ["activity_regularizer"] = null,
        ["kernel_constraint"] = null, ["bias_constraint"] = null,
    });

    static JsonObject MlpConfig(string hiddenActivation = "relu") => new()
    {
        ["class_name"] = "Sequential",
        ["config"] = new JsonObject
        {
            ["name"] = "sequential",
            ["layers"] = new JsonArray(
                L.Layer("Flatten", "flatten", new JsonObject { ["batch_input_shape"] = new JsonArray(32, 28, 28), ["data_format"] = "channels_last" }),
                Dense("dense", 32, "linear"),
                L.Layer("BatchNormalization", "batch_normalization", new JsonObject
                {
                    ["axis"] = new JsonArray(1), ["momentum"] = 0.99, ["epsilon"] = 0.001, ["center"] = true, ["scale"] = true,
                    ["beta_initializer"] = new JsonObject { ["class_name"] = "Zeros", ["config"] = new JsonObject() },
                    ["gamma_initializer"] = new JsonObject { ["class_name"] = "Ones", ["config"] = new JsonObject() },
                    ["moving_mean_initializer"] = new JsonObject { ["class_name"] = "Zeros", ["config"] = new JsonObject() },
                    ["moving_variance_initializer"] = new JsonObject { ["class_name"] = "Ones", ["config"] = new JsonObject() },
                    ["beta_regularizer"] = null, ["gamma_regularizer"] = null, ["beta_constraint"] = null, ["gamma_constraint"] = null,
                }),
                L.Layer("Activation", "activation", new JsonObject { ["activation"] = hiddenActivation }),
                Dense("dense_1", 10, "softmax")),
        },
    };

    static JsonObject TrainingConfig(JsonNode? loss = null, JsonNode? optimizer = null) => new()
    {
        ["loss"] = loss ?? "sparse_categorical_crossentropy",
        ["metrics"] = new JsonArray(new JsonArray(new JsonObject
        {
            ["class_name"] = "MeanMetricWrapper",
            ["config"] = new JsonObject { ["name"] = "accuracy", ["dtype"] = "float32", ["fn"] = "sparse_categorical_accuracy" },
        })),
        ["weighted_metrics"] = null,
        ["loss_weights"] = null,
        ["optimizer_config"] = optimizer ?? new JsonObject
        {
            ["class_name"] = "Custom>Adam",
            ["config"] = new JsonObject
            {
                ["name"] = "Adam", ["weight_decay"] = null, ["clipnorm"] = null, ["global_clipnorm"] = null, ["clipvalue"] = null,
                ["use_ema"] = false, ["ema_momentum"] = 0.99, ["ema_overwrite_frequency"] = null, ["jit_compile"] = true,
                ["is_legacy_optimizer"] = false, ["learning_rate"] = 0.0005000000237487257, ["beta_1"] = 0.9, ["beta_2"] = 0.999,
                ["epsilon"] = 1e-07, ["amsgrad"] = false,
            },
        },
    };

    /// <summary>The same MLP built here, with moving statistics away from their start so inference-mode BatchNormalization shows.</summary>
    static Sequential ReferenceMlp()
    {
        var model = keras.Sequential(
            keras.layers.Flatten(input_shape: (28, 28), name: "flatten"),
            keras.layers.Dense(32, name: "dense"),
            keras.layers.BatchNormalization(axis: 1, name: "batch_normalization"),
            keras.layers.Activation("relu", name: "activation"),
            keras.layers.Dense(10, activation: "softmax", name: "dense_1"));
        var bn = (BatchNormalization)model.layers[2];
        bn.moving_mean!.assign(linspace(-2, 2, 32));
        bn.moving_variance!.assign(linspace(0.5, 3, 32));
        bn.gamma!.assign(linspace(0.8, 1.2, 32));
        return model;
    }

    [Fact]
    public void A_tf_keras_mlp_with_a_fixed_batch_input_on_its_first_layer_loads_and_predicts_as_built()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("mlp.h5");
        var reference = ReferenceMlp();
        L.Write(path, MlpConfig(), TrainingConfig(), reference);

        var model = keras.models.load_model(path);

        Assert.Equal(new Shape(28, 28), model.input_shape); // no channel axis: fed as (n, 28, 28)
        Assert.Equal(["Flatten", "Dense", "BatchNormalization", "Activation", "Dense"], model.layers.Select(l => l.ClassName));
        Assert.Equal(1, ((BatchNormalization)model.layers[2]).axis);
        var adam = Assert.IsType<Adam>(model.optimizer);
        Assert.Equal(0.0005f, adam.learning_rate);
        Assert.Equal("accuracy", Assert.IsType<SparseCategoricalAccuracy>(Assert.Single(model.compiled_metrics)).name);
        // Raw 0..255 pixels, as some published MLPs were trained.
        using var x = (TestModels.Images(6, seed: 100) * 255).reshape(6, 28, 28);
        Assert.True(TestModels.BitwiseEqual(reference.predict(x), model.predict(x)));
        using var y = tensor(new long[] { 1, 2, 3, 4, 5, 6 });
        var scores = model.evaluate(Dataset.from_tensor_slices(x, y).batch(3), verbose: 0);
        Assert.Equal(["loss", "accuracy"], model.metrics_names);
        Assert.True(double.IsFinite(scores.ToArray()[0]));
    }

    [Fact]
    public void A_tf_keras_functional_graph_with_inbound_nodes_in_tf_keras_form_loads()
    {
        var input = keras.Input((8, 8, 1), name: "input_1");
        var main = keras.layers.Conv2D(4, 3, padding: "same", name: "conv2d").Apply(input);
        main = keras.layers.BatchNormalization(name: "batch_normalization").Apply(main);
        var shortcut = keras.layers.Conv2D(4, 1, name: "conv2d_1").Apply(input);
        var merged = keras.layers.Add(name: "add").Apply(main, shortcut);
        var pooled = keras.layers.GlobalAveragePooling2D(name: "global_average_pooling2d").Apply(merged);
        var reference = keras.Model(input, keras.layers.Dense(3, name: "dense").Apply(pooled), name: "model");
        ((BatchNormalization)reference.layers.Single(l => l.name == "batch_normalization")).moving_mean!.assign(linspace(-1, 1, 4));

        JsonObject Node(params string[] inputs) => new()
        {
            ["inbound_nodes"] = new JsonArray(new JsonArray(inputs.Select(i => (JsonNode?)new JsonArray(i, 0, 0, new JsonObject())).ToArray())),
        };
        JsonObject Entry(JsonObject layer, params string[] inputs)
        {
            layer["name"] = layer["config"]!["name"]!.DeepClone();
            layer["inbound_nodes"] = inputs.Length == 0 ? new JsonArray() : Node(inputs)["inbound_nodes"]!.DeepClone();
            return layer;
        }
        JsonObject Conv(string name, int kernel, string padding) => L.Layer("Conv2D", name, new JsonObject
        {
            ["filters"] = 4, ["kernel_size"] = new JsonArray(kernel, kernel), ["strides"] = new JsonArray(1, 1), ["padding"] = padding,
            ["data_format"] = "channels_last", ["dilation_rate"] = new JsonArray(1, 1), ["groups"] = 1, ["activation"] = "linear",
            ["use_bias"] = true, ["kernel_initializer"] = "glorot_uniform", ["bias_initializer"] = "zeros",
            ["kernel_regularizer"] = null, ["bias_regularizer"] = null, ["activity_regularizer"] = null,
            ["kernel_constraint"] = null, ["bias_constraint"] = null,
        });
        var config = new JsonObject
        {
            ["class_name"] = "Model",
            ["config"] = new JsonObject
            {
                ["name"] = "model",
                ["layers"] = new JsonArray(
                    Entry(new JsonObject { ["class_name"] = "InputLayer", ["config"] = new JsonObject
                    {
                        ["batch_input_shape"] = new JsonArray(null, 8, 8, 1), ["dtype"] = "float32", ["sparse"] = false, ["ragged"] = false, ["name"] = "input_1",
                    } }),
                    Entry(Conv("conv2d", 3, "same"), "input_1"),
                    Entry(L.Layer("BatchNormalization", "batch_normalization", new JsonObject { ["axis"] = new JsonArray(3) }), "conv2d"),
                    Entry(Conv("conv2d_1", 1, "valid"), "input_1"),
                    Entry(L.Layer("Add", "add"), "batch_normalization", "conv2d_1"),
                    Entry(L.Layer("GlobalAveragePooling2D", "global_average_pooling2d", new JsonObject { ["data_format"] = "channels_last" }), "add"),
                    Entry(L.Layer("Dense", "dense", new JsonObject { ["units"] = 3, ["activation"] = "linear" }), "global_average_pooling2d")),
                ["input_layers"] = new JsonArray(new JsonArray("input_1", 0, 0)),
                ["output_layers"] = new JsonArray(new JsonArray("dense", 0, 0)),
            },
        };
        using var folder = new TempFolder();
        var path = folder.Combine("functional.h5");
        L.Write(path, config, trainingConfig: null, reference, kerasVersion: "2.4.0");

        var model = Assert.IsType<Functional>(keras.models.load_model(path));

        Assert.Null(model.loss); // saved without a training config: not compiled
        Assert.Equal(reference.layers.Select(l => l.name), model.layers.Select(l => l.name));
        using var x = TestModels.Images(3, seed: 101).narrow(1, 0, 8).narrow(2, 0, 8);
        Assert.True(TestModels.BitwiseEqual(reference.predict(x), model.predict(x)));
    }

    [Theory]
    [InlineData("elu", "activation function 'elu'")]
    [InlineData("LSTM", "the layer class 'LSTM'")]
    public void A_layer_or_activation_the_port_lacks_is_an_error_naming_it_and_the_file(string what, string message)
    {
        using var folder = new TempFolder();
        var path = folder.Combine("unsupported.h5");
        var config = MlpConfig(hiddenActivation: what == "elu" ? "elu" : "relu");
        if (what == "LSTM") config["config"]!["layers"]!.AsArray()[3] = L.Layer("LSTM", "lstm", new JsonObject { ["units"] = 4 });
        L.Write(path, config, TrainingConfig(), ReferenceMlp());

        var error = Assert.Throws<InvalidDataException>(() => keras.models.load_model(path));
        Assert.Contains(path, error.Message);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void An_option_the_port_lacks_is_an_error_naming_it()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("dilated.h5");
        var config = MlpConfig();
        config["config"]!["layers"]!.AsArray()[1]!["config"]!["kernel_constraint"] = new JsonObject { ["class_name"] = "MaxNorm", ["config"] = new JsonObject { ["max_value"] = 2 } };
        L.Write(path, config, TrainingConfig(), ReferenceMlp());

        var error = Assert.Throws<InvalidDataException>(() => keras.models.load_model(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("layer \"dense\" (Dense) sets `kernel_constraint` to {\"class_name\":\"MaxNorm\"", error.Message);
    }

    [Fact]
    public void A_loss_the_port_lacks_asks_for_compile_false_and_an_optimizer_it_lacks_leaves_evaluate_working()
    {
        using var folder = new TempFolder();
        var mse = folder.Combine("mse.h5");
        L.Write(mse, MlpConfig(), TrainingConfig(loss: "mse"), ReferenceMlp());
        var error = Assert.Throws<InvalidDataException>(() => keras.models.load_model(mse));
        Assert.Contains("the loss 'mse'", error.Message);
        Assert.Contains("compile: false", error.Message);
        Assert.Null(keras.models.load_model(mse, compile: false).loss);

        var sgd = folder.Combine("sgd.h5");
        L.Write(sgd, MlpConfig(), TrainingConfig(optimizer: new JsonObject { ["class_name"] = "SGD", ["config"] = new JsonObject { ["learning_rate"] = 0.01 } }), ReferenceMlp());
        var said = new StringWriter();
        Model model;
        using (KerasMnist.Datasets.Core.LibraryOutput.Use(new(said)))
            model = keras.models.load_model(sgd);
        Assert.Null(model.optimizer);
        // The warning goes through the library writer the program installs, as every library message does.
        Assert.Contains("was compiled with the optimizer SGD, which KerasMnist does not implement", said.ToString());
        using var x = TestModels.Images(4, seed: 102).reshape(4, 28, 28);
        using var y = tensor(new long[] { 0, 1, 2, 3 });
        var data = Dataset.from_tensor_slices(x, y).batch(4);
        Assert.Equal(2, model.evaluate(data, verbose: 0).ToArray().Length);
        var fit = Assert.Throws<InvalidOperationException>(() => model.fit(data, verbose: 0));
        Assert.Contains("compiled without an optimizer", fit.Message);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.98)]
    public void A_truncated_h5_model_file_is_an_error_naming_it(double kept)
    {
        using var folder = new TempFolder();
        var path = folder.Combine("truncated.h5");
        var bytes = File.ReadAllBytes(PublishedModels.TfKeras26Cnn);
        File.WriteAllBytes(path, bytes[..(int)(bytes.Length * kept)]);

        var error = Assert.Throws<InvalidDataException>(() => keras.models.load_model(path));
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void An_hdf5_file_that_is_not_a_keras_model_and_a_weights_file_are_told_apart()
    {
        using var folder = new TempFolder();
        var other = folder.Combine("measurements.h5");
        new H5File { ["temperature"] = new float[] { 20.5f, 21 } }.Write(other);
        var error = Assert.Throws<InvalidDataException>(() => keras.models.load_model(other));
        Assert.Contains(other, error.Message);
        Assert.Contains("HDF5 file but not a Keras model", error.Message);

        var weights = folder.Combine("mlp.weights.h5");
        TestModels.Mlp().save_weights(weights);
        var mistaken = Assert.Throws<InvalidDataException>(() => keras.models.load_model(weights));
        Assert.Contains("weights file, not a model", mistaken.Message);
    }
}
