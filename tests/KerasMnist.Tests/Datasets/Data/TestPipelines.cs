using KerasMnist.Datasets.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Datasets.Data;

/// <summary>Small datasets whose labels tell where each element came from.</summary>
internal static class TestPipelines
{
    /// <summary>n elements: x[i] = (i, -i) as float32 (per-example shape (2,)), y[i] = i as int64.</summary>
    /// <param name="n">Number of elements.</param>
    /// <param name="contiguous">False stores x transposed (a non-contiguous view), as a strided source would be.</param>
    public static Dataset Range(long n, bool contiguous = true)
    {
        using var ids = arange(n, ScalarType.Float32);
        using var x = contiguous ? stack([ids, -ids], 1) : stack([ids, -ids], 0).t();
        using var y = arange(n, ScalarType.Int64);
        return Dataset.from_tensor_slices(x, y);
    }

    /// <summary>Labels of one pass in order, from elements or batches; disposes what it reads.</summary>
    public static long[] Labels(Dataset ds) => Batches(ds).SelectMany(b => b).ToArray();

    /// <summary>Labels of one pass, one array per element (length 1) or per batch.</summary>
    public static List<long[]> Batches(Dataset ds)
    {
        var result = new List<long[]>();
        foreach (var (x, y) in ds)
        {
            using (x)
            using (y)
            using (NewDisposeScope())
            {
                result.Add(y.dim() == 0 ? [y.item<long>()] : y.data<long>().ToArray());
                // x must carry the same example as y (x[i] = (i, -i)).
                var flat = x.reshape(-1, 2);
                Assert.Equal(result[^1], flat.select(1, 0).to_type(ScalarType.Int64).data<long>().ToArray());
            }
        }
        return result;
    }

    public static int SamePositions(long[] a, long[] b) => a.Zip(b).Count(p => p.First == p.Second);

    public static void AssertPermutation(long[] order, long n) => Assert.Equal(Enumerable.Range(0, (int)n).Select(i => (long)i), order.Order());

    /// <summary>Pearson's chi-square statistic of observed counts against expected counts.</summary>
    public static double ChiSquare(IReadOnlyList<double> observed, IReadOnlyList<double> expected) =>
        observed.Zip(expected).Sum(p => (p.First - p.Second) * (p.First - p.Second) / p.Second);
}
