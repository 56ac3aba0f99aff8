using KerasMnist.Keras.Models;

namespace KerasMnist.Keras.Layers;

/// <summary>
/// <c>keras.layers</c>: factories with Keras's class names and snake_case arguments, e.g.
/// <c>keras.layers.Conv2D(8, 3, activation: "relu", kernel_regularizer: keras.regularizers.l2(1e-3f))</c>.
/// Each layer's factory is generated from its constructor (<see cref="LayersApiFactoryAttribute"/>), so it takes exactly
/// the constructor's arguments; only the inputs and the extra argument forms of a layer are written by hand, beside it.
/// </summary>
public sealed partial class LayersApi
{
    /// <summary><c>keras.layers.Input(shape)</c>.</summary>
    public KerasTensor Input(Shape shape, string? name = null)
    {
        var layer = new InputLayer(shape, name);
        return new KerasTensor(shape, layer, []);
    }

    /// <summary><c>keras.layers.InputLayer(input_shape)</c>, usable as the first layer of a Sequential.</summary>
    public InputLayer InputLayer(Shape input_shape, string? name = null) => new(input_shape, name);
}
