using KerasMnist.Keras.Activations;
using KerasMnist.Keras.Backend;
using KerasMnist.Keras.Initializers;
using KerasMnist.Keras.Regularizers;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Layers;

/// <summary>
/// <c>keras.layers.Conv2D</c> on channels-last images (batch, height, width, channels), as Keras takes them; axes before
/// the batch fold into it, as in tf.keras (rank ≥ 4). The kernel is stored in torch's (filters, in, kh, kw)
/// layout so libtorch's convolution runs without a permute per step; fans (and so glorot_uniform's
/// limit) are Keras's: fan_in = kh·kw·in, fan_out = kh·kw·filters. Where one kernel tap meets the image (1x1
/// kernels; any kernel on a 1x1 image), and for every kernel on hosts where <see cref="Engine.OneDnnConvolutions"/>
/// is false, the convolution is a matrix product over channels-last memory with the same values and gradients.
/// </summary>
[LayersApiFactory]
public sealed class Conv2D : Layer
{
    /// <summary><c>layer.kernel</c> (null until built): Keras shape (kh, kw, in, filters); stored as (filters, in, kh, kw) for libtorch.</summary>
    public Variable? kernel { get; private set; }

    /// <summary><c>layer.bias</c> (null until built or without <c>use_bias</c>): shape (filters,).</summary>
    public Variable? bias { get; private set; }

    MatmulConvolution? product; // the matrix-product form for the last image size seen: see Convolve

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
        input_spec = new InputSpec(min_ndim: 4);
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
        int kh = kernel_size[0], kw = kernel_size[1], cin = input_shape[-1];
        // Storage (filters, in, kh, kw) holds Keras's axes (3, 2, 0, 1) of (kh, kw, in, filters).
        kernel = AddWeight("kernel", [filters, cin, kh, kw], kernel_initializer, regularizer: kernel_regularizer,
            fans: ((long)kh * kw * cin, (long)kh * kw * filters), storageOrder: [3, 2, 0, 1]);
        if (use_bias) bias = AddWeight("bias", [filters], bias_initializer, regularizer: bias_regularizer);
        input_spec = new InputSpec(min_ndim: 4, axes: new Dictionary<int, int> { [-1] = cin });
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">A "valid" kernel larger than the image: no output pixel.</exception>
    public override Shape compute_output_shape(Shape input_shape)
    {
        InputSpec.AssertCompatible(input_spec, input_shape, null, name); // called directly too, not only through Build
        var dims = input_shape.Dims;
        int rows = Padding.OutputLength(dims[^3], kernel_size[0], strides[0], padding);
        int columns = Padding.OutputLength(dims[^2], kernel_size[1], strides[1], padding);
        if (rows == 0 || columns == 0)
            throw new ArgumentException(
                $"Computed output size would be negative for layer \"{name}\". Received `inputs shape={input_shape.ToBatchString()}`, " +
                $"`kernel shape=({kernel_size[0]}, {kernel_size[1]}, {dims[^1]}, {filters})`, `strides={strides}`, padding=\"{padding}\".");
        (dims[^3], dims[^2], dims[^1]) = (rows, columns, filters);
        return new Shape(dims);
    }

    /// <inheritdoc/>
    protected internal override Tensor Call(Tensor x, bool training) => activation.Call(Layout.OnImages(x, Convolve));

    /// <summary>The convolution plus bias on the (N, C, H, W) view of channels-last images (the activation follows in Keras's layout).</summary>
    Tensor Convolve(Tensor x)
    {
        int height = (int)x.shape[2], width = (int)x.shape[3];
        if (product is null || product.Height != height || product.Width != width)
            product = new MatmulConvolution(height, width, (kernel_size[0], kernel_size[1]), (strides[0], strides[1]), SamePadding(height, width));
        // One live tap (a 1x1 kernel, or any kernel on a 1x1 image as in ResNet50's last stage on 32x32 digits) is a
        // plain matrix product: as fast or faster than libtorch's convolution for ResNet50's 1x1 shapes (up to 2.7x at
        // stride 2), 25x faster for the 3x3 backward at 1x1, and it keeps oneDNN's 1x1 convolution, which crashes on
        // hosts without cache descriptors, out of the way (docs/performance.md). Larger kernels use libtorch's
        // convolution unless this host is such a host.
        if (product.TapCount == 1 || !Engine.OneDnnConvolutions)
            return product.Apply(x, kernel!.Value, bias?.Value);
        var (top, bottom, left, right) = SamePadding(height, width);
        long[] symmetric = [0, 0];
        if (top == bottom && left == right) symmetric = [top, left];
        else x = nn.functional.pad(x, [left, right, top, bottom]);
        return nn.functional.conv2d(x, kernel!.Value, bias?.Value, strides: [strides[0], strides[1]], padding: symmetric);
    }

    /// <summary>Keras's zero padding (top, bottom, left, right) for an image size: none for "valid", TensorFlow's split for "same".</summary>
    (int top, int bottom, int left, int right) SamePadding(int height, int width)
    {
        if (padding != "same") return default;
        var (top, bottom) = Padding.Same(height, kernel_size[0], strides[0]);
        var (left, right) = Padding.Same(width, kernel_size[1], strides[1]);
        return (top, bottom, left, right);
    }
}
