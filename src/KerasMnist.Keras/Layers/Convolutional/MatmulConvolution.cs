using static TorchSharp.torch;

namespace KerasMnist.Keras.Layers;

/// <summary>
/// A 2-D convolution computed as one matrix product over channels-last memory (im2col): every kernel tap that
/// meets the image takes a strided window of the (padded) input, the windows sit side by side along the channels,
/// and (N·oh·ow, taps·C) @ (taps·C, filters) + bias is the output. Values and gradients are the convolution's:
/// a tap left out sees only padding for every output pixel, so its products and its kernel gradient are zero
/// either way. With a single tap (any 1x1 kernel; any kernel on a 1x1 image) there is no im2col copy, and at
/// stride 1 the input's own memory is the left operand. libtorch runs the product in MKL, never in oneDNN.
/// </summary>
internal sealed class MatmulConvolution
{
    readonly (int row, int column)[] taps;
    readonly (int top, int bottom, int left, int right) padding;
    readonly (int row, int column) origin; // where tap (0, 0)'s window starts in the padded image
    readonly int strideRows, strideColumns;

    /// <summary>Plans the convolution of an <paramref name="height"/> x <paramref name="width"/> image.</summary>
    /// <param name="height">Input rows.</param>
    /// <param name="width">Input columns.</param>
    /// <param name="kernel">Kernel (rows, columns).</param>
    /// <param name="strides">Strides (rows, columns).</param>
    /// <param name="pad">Zero padding (top, bottom, left, right) as Keras applies it: 0 for "valid", TensorFlow's split for "same".</param>
    public MatmulConvolution(int height, int width, (int rows, int columns) kernel, (int rows, int columns) strides,
        (int top, int bottom, int left, int right) pad)
    {
        Height = height;
        Width = width;
        strideRows = strides.rows;
        strideColumns = strides.columns;
        OutputHeight = (height + pad.top + pad.bottom - kernel.rows) / strides.rows + 1;
        OutputWidth = (width + pad.left + pad.right - kernel.columns) / strides.columns + 1;
        var (rows, top, bottom) = LiveTaps(height, kernel.rows, strides.rows, pad.top, OutputHeight);
        var (columns, left, right) = LiveTaps(width, kernel.columns, strides.columns, pad.left, OutputWidth);
        taps = rows.SelectMany(r => columns.Select(c => (r, c))).ToArray();
        padding = (top, bottom, left, right);
        origin = (top - pad.top, left - pad.left);
    }

    /// <summary>Input rows this plan is for.</summary>
    public int Height { get; }

    /// <summary>Input columns this plan is for.</summary>
    public int Width { get; }

    /// <summary>Output rows.</summary>
    public int OutputHeight { get; }

    /// <summary>Output columns.</summary>
    public int OutputWidth { get; }

    /// <summary>How many kernel taps meet the image (the rest see only padding).</summary>
    public int TapCount => taps.Length;

    /// <summary>
    /// The kernel offsets along one dimension that meet at least one input pixel for some output position, and the
    /// zero padding (before, after) those offsets' windows still need.
    /// </summary>
    static (List<int> live, int before, int after) LiveTaps(int length, int kernel, int stride, int padBefore, int outputs)
    {
        var live = new List<int>();
        int first = int.MaxValue, last = int.MinValue;
        for (int k = 0; k < kernel; k++)
        {
            // Output o reads input position o·stride + k − padBefore.
            bool meets = Enumerable.Range(0, outputs).Select(o => o * stride + k - padBefore).Any(p => p >= 0 && p < length);
            if (!meets) continue;
            live.Add(k);
            first = Math.Min(first, k - padBefore);
            last = Math.Max(last, (outputs - 1) * stride + k - padBefore);
        }
        return (live, Math.Max(0, -first), Math.Max(0, last - (length - 1)));
    }

    /// <summary>
    /// The convolution of <paramref name="x"/>, an (N, C, H, W) view (channels-last memory is the fast case), with
    /// <paramref name="kernel"/> in torch's (filters, C, kh, kw) layout plus <paramref name="bias"/> (filters) if
    /// given. Returns (N, filters, oh, ow) as a view of channels-last memory, differentiable in all three inputs.
    /// </summary>
    public Tensor Apply(Tensor x, Tensor kernel, Tensor? bias)
    {
        long n = x.shape[0], filters = kernel.shape[0];
        var image = x.permute(0, 2, 3, 1); // (N, H, W, C): contiguous over channels-last memory
        if (padding != default)
            image = nn.functional.pad(image, [0, 0, padding.left, padding.right, padding.top, padding.bottom]);
        long spanRows = (OutputHeight - 1L) * strideRows + 1, spanColumns = (OutputWidth - 1L) * strideColumns + 1;
        Tensor Window((int row, int column) tap)
        {
            long r = origin.row + tap.row, c = origin.column + tap.column;
            return image.slice(1, r, r + spanRows, strideRows).slice(2, c, c + spanColumns, strideColumns);
        }
        Tensor Taps((int row, int column) tap) => kernel.select(3, tap.column).select(2, tap.row); // (filters, C)

        var columns = taps.Length == 1 ? Window(taps[0]) : cat(taps.Select(Window).ToList(), dim: 3);
        var weights = taps.Length == 1 ? Taps(taps[0]) : cat(taps.Select(Taps).ToList(), dim: 1);
        var rows = columns.reshape(n * OutputHeight * OutputWidth, columns.shape[3]);
        var product = bias is null ? rows.matmul(weights.t()) : addmm(bias, rows, weights.t(), beta: 1, alpha: 1);
        return product.view(n, OutputHeight, OutputWidth, filters).permute(0, 3, 1, 2);
    }
}
