using KerasMnist.Keras.Activations;
using KerasMnist.Keras.Backend;
using KerasMnist.Keras.Initializers;
using KerasMnist.Keras.Regularizers;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Layers;

/// <summary>
/// <c>keras.layers.Dense</c>: <c>activation(x · kernel + bias)</c> with the kernel in Keras's (in, units)
/// layout, glorot_uniform kernel and zero bias by default. Inputs of any rank ≥ 2, (batch, ..., in) → (batch, ..., units):
/// the product is over the last axis, as in Keras (an image (N, H, W, C) gives (N, H, W, units)).
/// </summary>
[LayersApiFactory]
public sealed class Dense : Layer
{
    /// <summary><c>layer.kernel</c> (null until built): shape (in, units).</summary>
    public Variable? kernel { get; private set; }

    /// <summary><c>layer.bias</c> (null until built or without <c>use_bias</c>): shape (units,).</summary>
    public Variable? bias { get; private set; }


    /// <summary>See <c>keras.layers.Dense</c>.</summary>
    public Dense(int units, Activation? activation = null, bool use_bias = true,
        Initializer? kernel_initializer = null, Initializer? bias_initializer = null,
        Regularizer? kernel_regularizer = null, Regularizer? bias_regularizer = null,
        Shape? input_shape = null, string? name = null)
        : base(name, input_shape)
    {
        if (units <= 0)
            throw new ArgumentException($"Received an invalid value for `units`, expected a positive integer. Received: units={units}");
        this.units = units;
        this.activation = activation ?? Activation.Linear;
        this.use_bias = use_bias;
        this.kernel_initializer = kernel_initializer ?? new GlorotUniform();
        this.bias_initializer = bias_initializer ?? new Zeros();
        this.kernel_regularizer = kernel_regularizer;
        this.bias_regularizer = bias_regularizer;
        input_spec = new InputSpec(min_ndim: 2);
    }

#pragma warning disable CS1591 // Keras's constructor arguments, documented there
    public int units { get; }
    public Activation activation { get; }
    public bool use_bias { get; }
    public Initializer kernel_initializer { get; }
    public Initializer bias_initializer { get; }
    public Regularizer? kernel_regularizer { get; }
    public Regularizer? bias_regularizer { get; }
#pragma warning restore CS1591

    /// <inheritdoc/>
    protected override void build(Shape input_shape)
    {
        kernel = AddWeight("kernel", [input_shape[-1], units], kernel_initializer, regularizer: kernel_regularizer);
        if (use_bias) bias = AddWeight("bias", [units], bias_initializer, regularizer: bias_regularizer);
        input_spec = new InputSpec(min_ndim: 2, axes: new Dictionary<int, int> { [-1] = input_shape[-1] });
    }

    /// <inheritdoc/>
    public override Shape compute_output_shape(Shape input_shape)
    {
        var dims = input_shape.Dims;
        dims[^1] = units;
        return new Shape(dims);
    }

    /// <inheritdoc/>
    protected internal override Tensor Call(Tensor x, bool training)
    {
        var y = x.dim() == 2 && bias is not null
            ? addmm(bias.Value, x, kernel!.Value, beta: 1, alpha: 1)
            : bias is null ? x.matmul(kernel!.Value) : x.matmul(kernel!.Value).add_(bias.Value);
        return activation.Call(y);
    }
}
