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

    /// <summary><c>keras.layers.Softmax(axis=-1)</c>.</summary>
    public Softmax Softmax(int axis = -1, string? name = null) => new(axis, name);

    /// <summary><c>keras.layers.ZeroPadding2D()</c>: Keras's default padding (1, 1), one pixel on every side.</summary>
    public ZeroPadding2D ZeroPadding2D(string? name = null) => new(((1, 1), (1, 1)), name);

    /// <summary><c>keras.layers.ZeroPadding2D(padding=2)</c>: the same padding on all four sides.</summary>
    public ZeroPadding2D ZeroPadding2D(int padding, string? name = null) => new(((padding, padding), (padding, padding)), name);

    /// <summary><c>keras.layers.ZeroPadding2D(padding=(2, 2))</c>: (symmetric height, symmetric width) padding.</summary>
    public ZeroPadding2D ZeroPadding2D((int height, int width) padding, string? name = null)
        => new(((padding.height, padding.height), (padding.width, padding.width)), name);

    /// <summary><c>keras.layers.ZeroPadding2D(padding=((top, bottom), (left, right)))</c>.</summary>
    public ZeroPadding2D ZeroPadding2D(((int top, int bottom) height, (int left, int right) width) padding, string? name = null)
        => new(padding, name);

    /// <summary>
    /// <c>keras.layers.BatchNormalization(axis=-1, momentum=0.99, epsilon=1e-3, center=True, scale=True, ...)</c>;
    /// <paramref name="trainable"/> false freezes it, which also makes it normalise with its moving statistics.
    /// </summary>
    public BatchNormalization BatchNormalization(int axis = -1, float momentum = 0.99f, float epsilon = 1e-3f,
        bool center = true, bool scale = true,
        Initializer? beta_initializer = null, Initializer? gamma_initializer = null,
        Initializer? moving_mean_initializer = null, Initializer? moving_variance_initializer = null,
        Regularizer? beta_regularizer = null, Regularizer? gamma_regularizer = null,
        bool trainable = true, string? name = null)
        => new(axis, momentum, epsilon, center, scale, beta_initializer, gamma_initializer, moving_mean_initializer,
            moving_variance_initializer, beta_regularizer, gamma_regularizer, name) { trainable = trainable };

    /// <summary><c>keras.layers.Add()</c>: apply it to several tensors, <c>keras.layers.Add().Apply(a, b)</c>.</summary>
    public Add Add(string? name = null) => new(name);

    /// <summary><c>keras.layers.GlobalAveragePooling2D(keepdims=False)</c>.</summary>
    public GlobalAveragePooling2D GlobalAveragePooling2D(bool keepdims = false, string? name = null) => new(keepdims, name);

    /// <summary><c>keras.layers.GlobalMaxPooling2D(keepdims=False)</c>.</summary>
    public GlobalMaxPooling2D GlobalMaxPooling2D(bool keepdims = false, string? name = null) => new(keepdims, name);

    /// <summary><c>keras.layers.Dropout(rate)</c>: active only in training.</summary>
    public Dropout Dropout(float rate, string? name = null) => new(rate, name);
}
