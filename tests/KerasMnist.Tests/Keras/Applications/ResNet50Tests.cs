using KerasMnist.Keras;
using KerasMnist.Keras.Layers;
using KerasMnist.Keras.Models;
using static KerasMnist.Keras.KerasApi;

namespace KerasMnist.Tests.Keras.Applications;

/// <summary>
/// keras.applications.ResNet50's topology, names, shapes and parameter counts against Keras's (keras-api.md §3).
/// Only shapes and weights are built here; no forward pass.
/// </summary>
public class ResNet50Tests
{
    /// <summary>The notebook's graph: Input((28, 28, 1)) → ZeroPadding2D((2, 2)) → ResNet50(input_tensor, avg, 10 classes).</summary>
    static (KerasTensor input, ZeroPadding2D padding, Functional model) Notebook()
    {
        var input_layer = keras.layers.Input((28, 28, 1));
        var padding = keras.layers.ZeroPadding2D(padding: (2, 2));
        var padded = padding.Apply(input_layer);
        var model = keras.applications.ResNet50(include_top: true, input_tensor: padded, pooling: "avg", weights: null, classes: 10);
        return (input_layer, padding, model);
    }

    static Shape OutputOf(Functional model, string layer) => model.Nodes.Single(n => n.Layer.name == layer).shape;

    static long Trainable(Model model) => model.trainable_weights.Sum(w => w.Size);

    static long NonTrainable(Model model) => model.non_trainable_weights.Sum(w => w.Size);

    [Fact]
    public void Notebook_model_starts_at_the_source_input_and_has_keras_counts()
    {
        var (input, padding, model) = Notebook();

        Assert.Equal("resnet50", model.name);
        Assert.Same(input, model.inputs);
        Assert.Same(input.Layer, model.layers[0]);
        Assert.Same(padding, model.layers[1]);
        Assert.Equal(178, model.layers.Count); // Keras's 177 with input_1, plus zero_padding2d
        Assert.Equal(new Shape(28, 28, 1), model.input_shape);
        Assert.Equal(new Shape(10), model.output_shape);

        Assert.Equal(23_601_930, model.count_params());
        Assert.Equal(23_548_810, Trainable(model));
        Assert.Equal(53_120, NonTrainable(model));
    }

    [Fact]
    public void Notebook_model_has_keras_layer_names_and_stage_shapes()
    {
        var (_, _, model) = Notebook();
        var names = model.layers.Select(l => l.name).ToHashSet();
        foreach (var name in new[] { "conv1_pad", "conv1_conv", "conv1_bn", "conv1_relu", "pool1_pad", "pool1_pool",
                     "conv2_block1_0_conv", "conv2_block1_0_bn", "conv2_block1_1_conv", "conv2_block1_2_relu",
                     "conv2_block1_add", "conv2_block3_out", "conv4_block6_out", "conv5_block3_out", "avg_pool", "predictions" })
            Assert.Contains(name, names);
        Assert.DoesNotContain("conv2_block2_0_conv", names); // identity shortcuts after block 1
        Assert.DoesNotContain("max_pool", names);            // pooling is ignored with the top, as in Keras

        Assert.Equal(new Shape(38, 38, 1), OutputOf(model, "conv1_pad"));
        Assert.Equal(new Shape(16, 16, 64), OutputOf(model, "conv1_conv"));
        Assert.Equal(new Shape(18, 18, 64), OutputOf(model, "pool1_pad"));
        Assert.Equal(new Shape(8, 8, 64), OutputOf(model, "pool1_pool"));
        Assert.Equal(new Shape(8, 8, 256), OutputOf(model, "conv2_block3_out"));
        Assert.Equal(new Shape(4, 4, 512), OutputOf(model, "conv3_block4_out"));
        Assert.Equal(new Shape(2, 2, 1024), OutputOf(model, "conv4_block6_out"));
        Assert.Equal(new Shape(1, 1, 2048), OutputOf(model, "conv5_block3_out"));
        Assert.Equal(new Shape(2048), OutputOf(model, "avg_pool"));
    }

    [Fact]
    public void Notebook_model_parameters_per_stage_match_keras()
    {
        var (_, _, model) = Notebook();
        long Stage(string prefix) => model.layers.Where(l => l.name.StartsWith(prefix)).Sum(l => l.count_params());
        long StageFrozen(string prefix) => model.layers.Where(l => l.name.StartsWith(prefix)).Sum(l => l.non_trainable_weights.Sum(w => w.Size));

        Assert.Equal(3_456, Stage("conv1_") + Stage("pool1_"));
        Assert.Equal(128, StageFrozen("conv1_"));
        Assert.Equal(220_032, Stage("conv2_"));
        Assert.Equal(2_816, StageFrozen("conv2_"));
        Assert.Equal(1_230_336, Stage("conv3_"));
        Assert.Equal(7_168, StageFrozen("conv3_"));
        Assert.Equal(7_129_088, Stage("conv4_"));
        Assert.Equal(20_480, StageFrozen("conv4_"));
        Assert.Equal(14_998_528, Stage("conv5_"));
        Assert.Equal(22_528, StageFrozen("conv5_"));
        Assert.Equal(20_490, Stage("predictions"));

        Layer Named(string name) => model.layers.Single(l => l.name == name);
        Assert.Equal(16_640, Named("conv2_block1_0_conv").count_params());
        Assert.Equal(36_928, Named("conv2_block1_2_conv").count_params());
        Assert.Equal(16_448, Named("conv2_block2_1_conv").count_params());
        Assert.Equal(2_099_200, Named("conv5_block1_0_conv").count_params());
    }

    [Fact]
    public void It_is_v1_stride_on_the_first_1x1_biases_everywhere_and_keras_batch_norm_settings()
    {
        var (_, _, model) = Notebook();
        var convs = model.layers.OfType<Conv2D>().ToList();
        var norms = model.layers.OfType<BatchNormalization>().ToList();
        Assert.Equal(53, convs.Count);
        Assert.Equal(53, norms.Count);
        Assert.All(convs, c => Assert.True(c.use_bias, c.name));
        Assert.All(norms, n => Assert.Equal((3, 1.001e-5f, 0.99f), (n.axis, n.epsilon, n.momentum)));

        Conv2D Conv(string name) => convs.Single(c => c.name == name);
        Assert.Equal(new Shape(2, 2), Conv("conv3_block1_1_conv").strides);
        Assert.Equal(new Shape(2, 2), Conv("conv3_block1_0_conv").strides);
        Assert.Equal(new Shape(1, 1), Conv("conv3_block1_2_conv").strides);
        Assert.Equal("same", Conv("conv3_block1_2_conv").padding);
        Assert.Equal(new Shape(1, 1), Conv("conv2_block1_1_conv").strides); // conv2 follows the max pool, stride 1
        Assert.Equal("softmax", model.layers.OfType<Dense>().Single().activation.name);
    }

    [Fact]
    public void Imagenet_size_gives_the_well_known_totals()
    {
        var model = keras.applications.ResNet50(weights: null);
        Assert.Equal(new Shape(224, 224, 3), model.input_shape); // Keras's default with the top
        Assert.Equal(177, model.layers.Count);
        Assert.Equal(new Shape(7, 7, 2048), OutputOf(model, "conv5_block3_out"));
        Assert.Equal(new Shape(1000), model.output_shape);
        Assert.Equal(25_636_712, model.count_params());
        Assert.Equal(25_583_592, Trainable(model));
        Assert.Equal(53_120, NonTrainable(model));
    }

    [Fact]
    public void Without_the_top_pooling_chooses_the_output()
    {
        var none = keras.applications.ResNet50(include_top: false, weights: null, input_shape: (32, 32, 3));
        Assert.Equal(new Shape(1, 1, 2048), none.output_shape);
        Assert.Equal("conv5_block3_out", none.layers[^1].name);

        var avg = keras.applications.ResNet50(include_top: false, weights: null, input_shape: (64, 64, 3), pooling: "avg");
        Assert.Equal(new Shape(2048), avg.output_shape);
        Assert.IsType<GlobalAveragePooling2D>(avg.layers[^1]);
        Assert.Equal("avg_pool", avg.layers[^1].name);

        var max = keras.applications.ResNet50(include_top: false, weights: null, input_shape: (64, 64, 3), pooling: "max");
        Assert.IsType<GlobalMaxPooling2D>(max.layers[^1]);
        Assert.Equal("max_pool", max.layers[^1].name);
        Assert.Equal(none.count_params(), max.count_params());
    }

    [Fact]
    public void Classifier_activation_null_gives_logits()
    {
        var model = keras.applications.ResNet50(weights: null, input_shape: (32, 32, 1), classes: 10, classifier_activation: null);
        Assert.Equal("linear", model.layers.OfType<Dense>().Single().activation.name);
    }

    [Fact]
    public void Imagenet_weights_are_refused_with_what_to_do_instead()
    {
        var error = Assert.Throws<ArgumentException>(() => keras.applications.ResNet50());
        Assert.Contains("imagenet", error.Message);
        Assert.Contains("weights: null", error.Message);
        Assert.Contains("Pass weights: null", Assert.Throws<ArgumentException>(() => keras.applications.ResNet50(weights: "resnet.h5")).Message);
    }

    [Fact]
    public void Input_shapes_are_checked_as_keras_obtain_input_shape_does()
    {
        var small = Assert.Throws<ArgumentException>(() => keras.applications.ResNet50(weights: null, input_shape: (28, 28, 1), classes: 10));
        Assert.Contains("at least 32x32", small.Message);
        Assert.Contains("(28, 28, 1)", small.Message);
        Assert.Contains("ZeroPadding2D", small.Message);

        Assert.Contains("three integers",
            Assert.Throws<ArgumentException>(() => keras.applications.ResNet50(weights: null, input_shape: (32, 32))).Message);
        Assert.Contains("input_shape",
            Assert.Throws<ArgumentException>(() => keras.applications.ResNet50(include_top: false, weights: null)).Message);

        var flat = keras.layers.Input(784);
        Assert.Contains("image tensor",
            Assert.Throws<ArgumentException>(() => keras.applications.ResNet50(weights: null, input_tensor: flat)).Message);
        var image = keras.layers.Input((32, 32, 1));
        Assert.Contains("disagrees",
            Assert.Throws<ArgumentException>(() => keras.applications.ResNet50(weights: null, input_tensor: image, input_shape: (64, 64, 1))).Message);
    }

    [Fact]
    public void Other_bad_arguments_are_refused_before_anything_is_built()
    {
        Assert.Contains("pooling \"average\"",
            Assert.Throws<ArgumentException>(() => keras.applications.ResNet50(include_top: false, weights: null, input_shape: (32, 32, 3), pooling: "average")).Message);
        Assert.Contains("classes",
            Assert.Throws<ArgumentException>(() => keras.applications.ResNet50(weights: null, classes: 0)).Message);
        Assert.Contains("Unknown activation",
            Assert.Throws<ArgumentException>(() => keras.applications.ResNet50(weights: null, classifier_activation: "softmaxx")).Message);
    }
}
