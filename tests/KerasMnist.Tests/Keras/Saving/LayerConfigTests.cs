using KerasMnist.Keras.Layers;
using KerasMnist.Keras.Saving;
using static KerasMnist.Keras.KerasApi;

namespace KerasMnist.Tests.Keras.Saving;

/// <summary>layer.get_config() and keras.layers.serialize/deserialize for every built-in layer class.</summary>
public class LayerConfigTests
{
    /// <summary>Every layer factory, with arguments away from their defaults so a dropped argument shows.</summary>
    public static TheoryData<string> Layers => new(Factories.Keys);

    static readonly Dictionary<string, Func<Layer>> Factories = new()
    {
        ["Dense"] = () => keras.layers.Dense(3, activation: "tanh", use_bias: false, kernel_regularizer: keras.regularizers.l2(0.5f), name: "d"),
        ["Conv2D"] = () => keras.layers.Conv2D(4, (3, 5), strides: 2, padding: "same", activation: "relu", bias_regularizer: keras.regularizers.l2(0.25f), name: "c"),
        ["MaxPooling2D"] = () => keras.layers.MaxPooling2D(3, strides: 1, padding: "same", name: "m"),
        ["Flatten"] = () => keras.layers.Flatten(name: "f"),
        ["Activation"] = () => keras.layers.Activation("sigmoid", name: "a"),
        ["Softmax"] = () => keras.layers.Softmax(axis: 1, name: "s"),
        ["ZeroPadding2D"] = () => keras.layers.ZeroPadding2D(((1, 2), (3, 4)), name: "z"),
        ["BatchNormalization"] = () => keras.layers.BatchNormalization(momentum: 0.9f, epsilon: 1.001e-5f, center: false, trainable: false, name: "bn"),
        ["Add"] = () => keras.layers.Add(name: "add"),
        ["GlobalAveragePooling2D"] = () => keras.layers.GlobalAveragePooling2D(keepdims: true, name: "gap"),
        ["GlobalMaxPooling2D"] = () => keras.layers.GlobalMaxPooling2D(keepdims: true, name: "gmp"),
        ["Dropout"] = () => keras.layers.Dropout(0.3f, name: "drop"),
        ["Reshape"] = () => keras.layers.Reshape([7, -1, 2], name: "r"),
        ["Rescaling"] = () => keras.layers.Rescaling(1.0 / 255, offset: -0.5, name: "scale"),
    };

    [Theory]
    [MemberData(nameof(Layers))]
    public void Layer_is_recreated_from_its_config(string className)
    {
        var layer = Factories[className]();
        var serialized = LayerSerialization.serialize(layer);
        Assert.Equal(className, serialized["class_name"]!.GetValue<string>());

        var copy = LayerSerialization.deserialize(serialized);

        Assert.IsType(layer.GetType(), copy);
        Assert.Equal(layer.name, copy.name);
        Assert.Equal(layer.trainable, copy.trainable);
        Assert.Equal(serialized.ToJsonString(), LayerSerialization.serialize(copy).ToJsonString());
    }

    [Fact]
    public void Config_holds_the_constructor_arguments_in_keras_form()
    {
        var dense = keras.layers.Dense(3, activation: "tanh", kernel_regularizer: keras.regularizers.l2(0.5f), name: "d").get_config();
        Assert.Equal("d", dense["name"]!.GetValue<string>());
        Assert.Equal(3, dense["units"]!.GetValue<int>());
        Assert.Equal("tanh", dense["activation"]!.GetValue<string>());
        Assert.Equal("GlorotUniform", dense["kernel_initializer"]!["class_name"]!.GetValue<string>());
        Assert.Equal(0.5f, dense["kernel_regularizer"]!["config"]!["l2"]!.GetValue<float>());
        Assert.Null(dense["bias_regularizer"]);

        var pad = keras.layers.ZeroPadding2D(((1, 2), (3, 4))).get_config();
        Assert.Equal("[[1,2],[3,4]]", pad["padding"]!.ToJsonString());
        var conv = keras.layers.Conv2D(8, 3).get_config();
        Assert.Equal("[3,3]", conv["kernel_size"]!.ToJsonString());
        // Keras's own options the port does not implement are written with Keras's defaults, so Python Keras reads them.
        Assert.Equal("channels_last", conv["data_format"]!.GetValue<string>());
        Assert.Equal("[1,1]", conv["dilation_rate"]!.ToJsonString());
        Assert.Equal("float32", conv["dtype"]!.GetValue<string>());
        Assert.Equal("{\"module\":\"keras.initializers\",\"class_name\":\"GlorotUniform\",\"config\":{\"seed\":null},\"registered_name\":null}",
            conv["kernel_initializer"]!.ToJsonString());
    }

    [Fact]
    public void A_config_with_an_unknown_argument_is_rejected()
    {
        var serialized = LayerSerialization.serialize(keras.layers.Dense(3));
        serialized["config"]!["unit"] = 4;
        var error = Assert.Throws<InvalidDataException>(() => LayerSerialization.deserialize(serialized));
        Assert.Contains("unit", error.Message);
    }
}
