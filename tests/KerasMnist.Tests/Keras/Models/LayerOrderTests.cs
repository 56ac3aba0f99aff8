using static KerasMnist.Keras.KerasApi;

namespace KerasMnist.Tests.Keras.Models;

/// <summary>
/// A functional model lists its layers in Keras's order (by depth from the input, ties in the order a walk back from the
/// output meets them), which fixes get_weights()'s order and the per-class paths of a .keras weights file.
/// </summary>
public class LayerOrderTests
{
    [Fact]
    public void A_residual_block_lists_its_shortcut_after_the_main_paths_second_relu_as_keras_does()
    {
        var input = keras.Input((8, 8, 4), name: "in");
        var x = keras.layers.Conv2D(4, 1, name: "b_1_conv").Apply(input);
        x = keras.layers.Activation("relu", name: "b_1_relu").Apply(x);
        x = keras.layers.Conv2D(4, 3, padding: "same", name: "b_2_conv").Apply(x);
        x = keras.layers.Activation("relu", name: "b_2_relu").Apply(x);
        var shortcut = keras.layers.Conv2D(16, 1, name: "b_0_conv").Apply(input);
        x = keras.layers.Conv2D(16, 1, name: "b_3_conv").Apply(x);
        var model = keras.Model(input, keras.layers.Add(name: "b_add").Apply(shortcut, x));

        // Keras's ResNet50 summary shows conv2_block1_0_conv between conv2_block1_2_relu and conv2_block1_3_conv.
        Assert.Equal(["in", "b_1_conv", "b_1_relu", "b_2_conv", "b_2_relu", "b_0_conv", "b_3_conv", "b_add"], model.layers.Select(l => l.name));
        Assert.Equal([[1, 1, 4, 4], [4], [3, 3, 4, 4], [4], [1, 1, 4, 16], [16], [1, 1, 4, 16], [16]], model.GetWeights().Select(w => w.shape));
    }
}
