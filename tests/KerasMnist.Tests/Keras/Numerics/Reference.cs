using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Numerics;

/// <summary>
/// Independent double-precision formulas the numerics tests compare against. They work on plain arrays,
/// never on the library's layers, so a test cannot pass by running the same code twice.
/// </summary>
internal static class Reference
{
    /// <summary>A tensor's values as doubles, row-major.</summary>
    public static double[] Values(Tensor t)
    {
        using var d = t.detach().cpu().to_type(ScalarType.Float64).contiguous();
        return d.data<double>().ToArray();
    }

    /// <summary>x (n, in) · kernel (in, units) + bias, with kernel stored row-major in Keras's (in, units) layout.</summary>
    public static double[,] Affine(double[,] x, double[] kernel, double[] bias)
    {
        int n = x.GetLength(0), inputs = x.GetLength(1), units = bias.Length;
        var y = new double[n, units];
        for (int i = 0; i < n; i++)
            for (int u = 0; u < units; u++)
            {
                double sum = bias[u];
                for (int k = 0; k < inputs; k++) sum += x[i, k] * kernel[k * units + u];
                y[i, u] = sum;
            }
        return y;
    }

    /// <summary>max(0, v) elementwise.</summary>
    public static double[,] Relu(double[,] v)
    {
        var r = (double[,])v.Clone();
        for (int i = 0; i < r.GetLength(0); i++)
            for (int j = 0; j < r.GetLength(1); j++) r[i, j] = Math.Max(0, r[i, j]);
        return r;
    }

    /// <summary>Mean over rows of −log softmax(logits)[label], computed with a max shift.</summary>
    public static double CrossEntropyFromLogits(double[,] logits, long[] labels)
    {
        int n = logits.GetLength(0), classes = logits.GetLength(1);
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            double max = double.NegativeInfinity;
            for (int c = 0; c < classes; c++) max = Math.Max(max, logits[i, c]);
            double sumExp = 0;
            for (int c = 0; c < classes; c++) sumExp += Math.Exp(logits[i, c] - max);
            total += max + Math.Log(sumExp) - logits[i, labels[i]];
        }
        return total / n;
    }

    /// <summary>How many rows have their largest logit at the label (first maximum wins, as argmax).</summary>
    public static int Correct(double[,] logits, long[] labels)
    {
        int correct = 0;
        for (int i = 0; i < logits.GetLength(0); i++)
        {
            int best = 0;
            for (int c = 1; c < logits.GetLength(1); c++)
                if (logits[i, c] > logits[i, best]) best = c;
            if (best == labels[i]) correct++;
        }
        return correct;
    }

    /// <summary>Σ w² of a tensor, in double.</summary>
    public static double SumOfSquares(Tensor w) => Values(w).Sum(v => v * v);

    /// <summary>Rows <paramref name="start"/>..start+count of a row-major (n, width) array.</summary>
    public static double[,] Rows(double[] data, int width, int start, int count)
    {
        var rows = new double[count, width];
        for (int i = 0; i < count; i++)
            for (int k = 0; k < width; k++) rows[i, k] = data[(start + i) * width + k];
        return rows;
    }
}
