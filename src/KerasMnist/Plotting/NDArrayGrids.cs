using NumSharp;

namespace KerasMnist.Plotting;

/// <summary>NumSharp arrays as the <c>double[,]</c> grids ScottPlot draws.</summary>
public static class NDArrayGrids
{
    /// <summary>
    /// An image for <c>imshow</c>: shape (H, W), or (H, W, 1), which matplotlib rejects but which is the
    /// shape tfds delivers, so it is accepted here without the notebook's <c>reshape((28, 28))</c>.
    /// </summary>
    public static double[,] Image(NDArray image, string name)
    {
        ArgumentNullException.ThrowIfNull(image, name);
        var shape = image.shape;
        bool ok = shape.Length == 2 || (shape.Length == 3 && shape[2] == 1);
        if (!ok || shape[0] == 0 || shape[1] == 0)
            throw new ArgumentException(
                $"Invalid shape ({string.Join(", ", shape)}) for image data: imshow draws one grey image of shape (H, W) " +
                "or (H, W, 1); reshape a flat image first, e.g. .reshape(28, 28).", name);
        return Grid(image, (int)shape[0], (int)shape[1], name);
    }

    /// <summary>A 2-D matrix (e.g. a confusion matrix) of any numeric dtype.</summary>
    public static double[,] Matrix(NDArray matrix, string name)
    {
        ArgumentNullException.ThrowIfNull(matrix, name);
        if (matrix.ndim != 2 || matrix.shape[0] == 0 || matrix.shape[1] == 0)
            throw new ArgumentException($"Expected a non-empty 2-D array, got shape ({string.Join(", ", matrix.shape)}).", name);
        return Grid(matrix, (int)matrix.shape[0], (int)matrix.shape[1], name);
    }

    private static double[,] Grid(NDArray array, int rows, int cols, string name)
    {
        if (array.typecode is NPTypeCode.Boolean or NPTypeCode.Char or NPTypeCode.String or NPTypeCode.Empty)
            throw new ArgumentException($"{name} has dtype {array.dtype}; a numeric array is needed.", name);
        var values = array.ToArray<double>();
        var grid = new double[rows, cols];
        Buffer.BlockCopy(values, 0, grid, 0, values.Length * sizeof(double));
        return grid;
    }
}
