using KerasMnist.Keras.Activations;
using KerasMnist.Keras.Backend;
using KerasMnist.Keras.Initializers;
using KerasMnist.Keras.Regularizers;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Layers;

/// <summary>
/// <c>keras.layers.Conv2D</c>, channels-last at the API. The kernel is stored in torch's (filters, in, kh, kw)
/// layout so libtorch's convolution runs without a permute per step; fans (and so glorot_uniform's
/// limit) are Keras's: fan_in = kh·kw·in, fan_out = kh·kw·filters. Where one kernel tap meets the image (1x1
/// kernels; any kernel on a 1x1 image), and for every kernel on hosts where <see cref="Engine.OneDnnConvolutions"/>
/// is false, the convolution is a matrix product over channels-last memory with the same values and gradients.
/// </summary>
public sealed class Conv2D : Layer
{
    /// <summary><c>layer.kernel</c> (null until built): Keras shape (kh, kw, in, filters); stored as (filters, in, kh, kw) for libtorch.</summary>
    public Variable? kernel { get; private set; }

    /// <summary><c>layer.bias</c> (null until built or without <c>use_bias</c>): shape (filters,).</summary>
    public Variable? bias { get; private set; }

    (int top, int bottom, int left, int right) asymmetric;
    long[] symmetric = [0, 0];
    MatmulConvolution? product; // the matrix-product form for the last image size seen: see Call

    /// <summary>See <c>keras.layers.Conv2D</c>. <c>Conv2D(8, 3, activation: "relu", kernel_regularizer: l2(1e-3f))</c>.</summary>
    public Conv2D(int filters, Shape kernel_size, Shape? strides = null, string padding = "valid",
        Activation? activation = null, bool use_bias = true,
        Initializer? kernel_initializer = null, Initializer? bias_initializer = null,
        Regularizer? kernel_regularizer = null, Regularizer? bias_regularizer = null,
        Shape? input_shape = null, string? name = null)
        : base(name, input_shape)
    {
        if (filters <= 0)
            throw new ArgumentException($"Invalid value for argument `filters`. Expected a strictly positive value. Received filters={filters}.");
        this.filters = filters;
        this.kernel_size = Pair(kernel_size, "kernel_size");
        this.strides = Pair(strides ?? 1, "strides");
        this.padding = Padding.Validate(padding, this.name);
        this.activation = activation ?? Activation.Linear;
        this.use_bias = use_bias;
        this.kernel_initializer = kernel_initializer ?? new GlorotUniform();
        this.bias_initializer = bias_initializer ?? new Zeros();
        this.kernel_regularizer = kernel_regularizer;
        this.bias_regularizer = bias_regularizer;
    }

#pragma warning disable CS1591 // Keras's constructor arguments, documented there
    public int filters { get; }
    public Shape kernel_size { get; }
    public Shape strides { get; }
    public string padding { get; }
    public Activation activation { get; }
    public bool use_bias { get; }
    public Initializer kernel_initializer { get; }
    public Initializer bias_initializer { get; }
    public Regularizer? kernel_regularizer { get; }
    public Regularizer? bias_regularizer { get; }
#pragma warning restore CS1591

    static Shape Pair(Shape s, string what) => s.Rank switch
    {
        1 when s[0] > 0 => Shape.Repeat(s[0], 2),
        2 when s[0] > 0 && s[1] > 0 => s,
        _ => throw new ArgumentException($"`{what}` must be a positive int or a tuple of 2 positive ints, got {s}."),
    };

    /// <inheritdoc/>
    protected override void build(Shape input_shape)
    {
        if (input_shape.Rank != 3)
            throw new ArgumentException(
                $"Input 0 of layer \"{name}\" is incompatible with the layer: expected ndim=4, found ndim={input_shape.Rank + 1}. " +
                $"Full shape received: {input_shape.ToBatchString()}");
        int kh = kernel_size[0], kw = kernel_size[1], cin = input_shape[2];
        // Storage (filters, in, kh, kw) holds Keras's axes (3, 2, 0, 1) of (kh, kw, in, filters).
        kernel = AddWeight("kernel", [filters, cin, kh, kw], kernel_initializer, regularizer: kernel_regularizer,
            fans: ((long)kh * kw * cin, (long)kh * kw * filters), storageOrder: [3, 2, 0, 1]);
        if (use_bias) bias = AddWeight("bias", [filters], bias_initializer, regularizer: bias_regularizer);
        if (padding == "same")
        {
            var (t, b) = Padding.Same(input_shape[0], kh, strides[0]);
            var (l, r) = Padding.Same(input_shape[1], kw, strides[1]);
            if (t == b && l == r) symmetric = [t, l];
            else asymmetric = (t, b, l, r);
        }
    }

    (int top, int bottom, int left, int right) Pad =>
        asymmetric != default ? asymmetric : ((int)symmetric[0], (int)symmetric[0], (int)symmetric[1], (int)symmetric[1]);

    /// <inheritdoc/>
    public override Shape compute_output_shape(Shape input_shape) => new(
        Padding.OutputLength(input_shape[0], kernel_size[0], strides[0], padding),
        Padding.OutputLength(input_shape[1], kernel_size[1], strides[1], padding),
        filters);

    /// <inheritdoc/>
    protected internal override Tensor Call(Tensor x, bool training)
    {
        int height = (int)x.shape[2], width = (int)x.shape[3];
        if (product is null || product.Height != height || product.Width != width)
            product = new MatmulConvolution(height, width, (kernel_size[0], kernel_size[1]), (strides[0], strides[1]), Pad);
        // One live tap (a 1x1 kernel, or any kernel on a 1x1 image as in ResNet50's last stage on 32x32 digits) is a
        // plain matrix product: as fast or faster than libtorch's convolution for ResNet50's 1x1 shapes (up to 2.7x at
        // stride 2), 25x faster for the 3x3 backward at 1x1, and it keeps oneDNN's 1x1 convolution, which crashes on
        // hosts without cache descriptors, out of the way (docs/performance.md). Larger kernels use libtorch's
        // convolution unless this host is such a host.
        if (product.TapCount == 1 || !Engine.OneDnnConvolutions)
            return activation.Call(product.Apply(x, kernel!.Value, bias?.Value));
        if (asymmetric != default)
            x = nn.functional.pad(x, [asymmetric.left, asymmetric.right, asymmetric.top, asymmetric.bottom]);
        var y = nn.functional.conv2d(x, kernel!.Value, bias?.Value,
            strides: [strides[0], strides[1]], padding: symmetric);
        return activation.Call(y);
    }
}
