using KerasMnist.Tests.Keras.Training;
using static KerasMnist.Keras.KerasApi;

namespace KerasMnist.Tests.Keras.Layers;

/// <summary>Automatic names depend on the session's counters, so this runs in the collection that has the process to itself.</summary>
[Collection(GlobalStateCollection.Name)]
public class LayerNamesTests
{
    [Fact]
    public void New_layers_get_keras_2_auto_names_and_class_names()
    {
        keras.backend.clear_session();
        var layers = new KerasMnist.Keras.Layers.Layer[]
        {
            keras.layers.ZeroPadding2D(), keras.layers.BatchNormalization(), keras.layers.BatchNormalization(),
            keras.layers.Add(), keras.layers.GlobalAveragePooling2D(), keras.layers.GlobalMaxPooling2D(),
            keras.layers.Dropout(0.5f), keras.layers.Softmax(),
        };
        Assert.Equal(
            ["zero_padding2d", "batch_normalization", "batch_normalization_1", "add", "global_average_pooling2d",
             "global_max_pooling2d", "dropout", "softmax"],
            layers.Select(l => l.name));
        Assert.Equal(
            ["ZeroPadding2D", "BatchNormalization", "BatchNormalization", "Add", "GlobalAveragePooling2D",
             "GlobalMaxPooling2D", "Dropout", "Softmax"],
            layers.Select(l => l.ClassName));
    }
}
