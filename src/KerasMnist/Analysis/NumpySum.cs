namespace KerasMnist.Analysis;

/// <summary>
/// numpy's float64 <c>sum</c>: pairwise summation with eight partial sums per 128-element block. The order
/// of additions changes the last bits of a mean, which can decide how a printed average rounds; matching
/// it keeps classification reports identical to sklearn's.
/// </summary>
public static class NumpySum
{
    private const int BlockSize = 128;

    /// <summary>The sum of <paramref name="values"/> in numpy's addition order.</summary>
    public static double Pairwise(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        if (n < 8)
        {
            double sum = 0;
            foreach (var v in values) sum += v;
            return sum;
        }
        if (n <= BlockSize)
        {
            Span<double> r = stackalloc double[8];
            values[..8].CopyTo(r);
            int i = 8;
            for (; i < n - n % 8; i += 8)
                for (int j = 0; j < 8; j++) r[j] += values[i + j];
            double sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) sum += values[i];
            return sum;
        }
        int half = n / 2;
        half -= half % 8;
        return Pairwise(values[..half]) + Pairwise(values[half..]);
    }
}
