using KerasMnist.Datasets.Data;
using static KerasMnist.Tests.Datasets.Data.TestPipelines;

namespace KerasMnist.Tests.Datasets.Data;

public class ShuffleTests
{
    private const int N = 1000;

    [Fact]
    public void FullBufferGivesAPermutationThatMovesAlmostEveryElement()
    {
        var order = Labels(Range(N).shuffle(N, seed: 1));

        AssertPermutation(order, N);
        // A uniform permutation keeps 1 element in place on average.
        Assert.InRange(SamePositions(order, Enumerable.Range(0, N).Select(i => (long)i).ToArray()), 0, 8);
    }

    [Fact]
    public void EveryPassHasANewOrder()
    {
        var ds = Range(N).shuffle(N, seed: 3);
        var passes = Enumerable.Range(0, 3).Select(_ => Labels(ds)).ToArray();

        foreach (var pass in passes) AssertPermutation(pass, N);
        Assert.InRange(SamePositions(passes[0], passes[1]), 0, 8);
        Assert.InRange(SamePositions(passes[1], passes[2]), 0, 8);
    }

    [Fact]
    public void WithoutReshufflingEveryPassHasTheSameShuffledOrder()
    {
        var ds = Range(N).shuffle(N, seed: 3, reshuffle_each_iteration: false);
        var first = Labels(ds);

        Assert.Equal(first, Labels(ds));
        Assert.InRange(SamePositions(first, Labels(Range(N))), 0, 8);
    }

    [Fact]
    public void TheSameSeedGivesTheSameSequenceOfOrders()
    {
        var a = Range(N).shuffle(N, seed: 42);
        var b = Range(N).shuffle(N, seed: 42);
        var a1 = Labels(a);
        var a2 = Labels(a);

        Assert.Equal(a1, Labels(b));
        Assert.Equal(a2, Labels(b));
        Assert.NotEqual(a1, a2);
    }

    [Fact]
    public void DifferentSeedsGiveDifferentOrders()
    {
        var one = Labels(Range(N).shuffle(N, seed: 1));
        var two = Labels(Range(N).shuffle(N, seed: 2));

        Assert.InRange(SamePositions(one, two), 0, 8);
    }

    [Fact]
    public void ABufferOfOneKeepsTheOrder()
    {
        Assert.Equal(Labels(Range(N)), Labels(Range(N).shuffle(1, seed: 5)));
    }

    // At output position p the buffer has read only upstream positions 0 .. p + B - 1, so nothing later can
    // come out, while position p + B - 1 (just read) can. Elements can be delayed without bound.
    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(50)]
    public void ASmallBufferEmitsOnlyFromTheElementsItHasRead(int bufferSize)
    {
        for (int seed = 0; seed < 3; seed++)
        {
            var order = Labels(Range(N).shuffle(bufferSize, seed: seed));

            AssertPermutation(order, N);
            var lead = order.Select((element, position) => element - position).ToArray();
            Assert.Equal(bufferSize - 1, lead.Max());
            Assert.True(lead.Min() < -bufferSize, $"no element was delayed by more than the buffer size (min lead {lead.Min()})");
        }
    }

    [Fact]
    public void AFullBufferPutsTheFirstAndLastElementAnywhereWithEqualChance()
    {
        const int n = 10, trials = 4000;
        var firstAt = new double[n];
        var lastAt = new double[n];
        for (int seed = 0; seed < trials; seed++)
        {
            var order = Labels(Range(n).shuffle(n, seed: seed).batch(n));
            firstAt[Array.IndexOf(order, 0L)]++;
            lastAt[Array.IndexOf(order, n - 1L)]++;
        }
        var uniform = Enumerable.Repeat((double)trials / n, n).ToArray();

        // 9 degrees of freedom: 27.9 is the 0.1 % critical value. The seeds are fixed, so this cannot flake.
        Assert.InRange(ChiSquare(firstAt, uniform), 0, 27.9);
        Assert.InRange(ChiSquare(lastAt, uniform), 0, 27.9);
    }

    // With a buffer of 2 the first element leaves at each step with probability 1/2 until the buffer drains:
    // P(position k) = 2^-(k+1) for k < n-1, and 2^-(n-1) for the last position.
    [Fact]
    public void ABufferOfTwoDelaysAnElementGeometrically()
    {
        const int n = 10, trials = 4000;
        var observed = new double[7];
        for (int seed = 0; seed < trials; seed++)
        {
            var order = Labels(Range(n).shuffle(2, seed: seed).batch(n));
            observed[Math.Min(Array.IndexOf(order, 0L), 6)]++;
        }
        var expected = Enumerable.Range(0, 6).Select(k => trials * Math.Pow(0.5, k + 1)).Append(trials * Math.Pow(0.5, 6)).ToArray();

        // 6 degrees of freedom: 22.5 is the 0.1 % critical value.
        Assert.InRange(ChiSquare(observed, expected), 0, 22.5);
    }

    [Fact]
    public void AfterBatchWholeBatchesAreShuffled()
    {
        var batches = Batches(Range(100).batch(10).shuffle(10, seed: 9));

        Assert.Equal(10, batches.Count);
        foreach (var batch in batches)
            Assert.Equal(Enumerable.Range((int)batch[0], 10).Select(i => (long)i), batch);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => i * 10L), batches.Select(b => b[0]).Order());
        Assert.NotEqual(Enumerable.Range(0, 10).Select(i => i * 10L), batches.Select(b => b[0]));
    }

    // from_tensor_slices hands out blocks of 8192 rows, so these cross block boundaries.
    [Theory]
    [InlineData(20_000)]
    [InlineData(300)]
    public void ShufflesAcrossSourceBlocks(int bufferSize)
    {
        const int n = 20_000;
        var order = Labels(Range(n).shuffle(bufferSize, seed: 11).batch(n));
        var identity = Enumerable.Range(0, n).Select(i => (long)i).ToArray();

        AssertPermutation(order, n);
        Assert.InRange(order.Select((element, position) => element - position).Max(), 0, bufferSize - 1);
        Assert.InRange(SamePositions(order, identity), 0, bufferSize == n ? 8 : n / 50);
        Assert.NotEqual(order, Labels(Range(n).shuffle(bufferSize, seed: 12).batch(n)));
    }

    [Fact]
    public void RejectsAnEmptyBuffer()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Range(10).shuffle(0));
        Assert.Equal("buffer_size", error.ParamName);
    }
}
