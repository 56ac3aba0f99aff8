using KerasMnist.Keras.Activations;
using KerasMnist.Keras.Initializers;
using KerasMnist.Keras.Models;
using KerasMnist.Keras.Regularizers;

namespace KerasMnist.Keras.Layers;

/// <summary>
/// <c>keras.layers</c>: factories with Keras's class names and snake_case arguments, e.g.
/// <c>keras.layers.Conv2D(8, 3, activation: "relu", kernel_regularizer: keras.regularizers.l2(1e-3f))</c>.
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

    /// <summary><c>keras.layers.Dense</c>.</summary>
    public Dense Dense(int units, Activation? activation = null, bool use_bias = true,
        Initializer? kernel_initializer = null, Initializer? bias_initializer = null,
        Regularizer? kernel_regularizer = null, Regularizer? bias_regularizer = null,
        Shape? input_shape = null, string? name = null)
        => new(units, activation, use_bias, kernel_initializer, bias_initializer, kernel_regularizer, bias_regularizer, input_shape, name);

    /// <summary><c>keras.layers.Conv2D</c>.</summary>
    public Conv2D Conv2D(int filters, Shape kernel_size, Shape? strides = null, string padding = "valid",
        Activation? activation = null, bool use_bias = true,
        Initializer? kernel_initializer = null, Initializer? bias_initializer = null,
        Regularizer? kernel_regularizer = null, Regularizer? bias_regularizer = null,
        Shape? input_shape = null, string? name = null)
        => new(filters, kernel_size, strides, padding, activation, use_bias, kernel_initializer, bias_initializer,
            kernel_regularizer, bias_regularizer, input_shape, name);

    /// <summary><c>keras.layers.MaxPooling2D</c>.</summary>
    public MaxPooling2D MaxPooling2D(Shape? pool_size = null, Shape? strides = null, string padding = "valid", string? name = null)
        => new(pool_size, strides, padding, name);

    /// <summary><c>keras.layers.MaxPool2D</c>, Keras's alias of MaxPooling2D (summaries print MaxPooling2D).</summary>
    public MaxPooling2D MaxPool2D(Shape? pool_size = null, Shape? strides = null, string padding = "valid", string? name = null)
        => new(pool_size, strides, padding, name);

    /// <summary><c>keras.layers.Flatten</c>; <c>input_shape</c> counts only on a first layer, as in Keras.</summary>
    public Flatten Flatten(Shape? input_shape = null, string? name = null) => new(input_shape, name);

    /// <summary><c>keras.layers.Activation(activation)</c>.</summary>
    public ActivationLayer Activation(Activation activation, string? name = null) => new(activation, name);
}
