using KerasMnist.Datasets;
using static KerasMnist.Tests.Datasets.Data.TestPipelines;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Datasets.Data;

/// <summary>The global seed is process-wide state, so its tests run alone.</summary>
[CollectionDefinition(nameof(GlobalSeedCollection), DisableParallelization = true)]
public class GlobalSeedCollection;

[Collection(nameof(GlobalSeedCollection))]
public class GlobalSeedTests
{
    private const int N = 500;

    [Fact]
    public void SetSeedMakesUnseededShufflesReproducible()
    {
        tf.random.set_seed(123);
        var a = Range(N).shuffle(N);
        var b = Range(N).shuffle(N);
        var (a1, a2, b1) = (Labels(a), Labels(a), Labels(b));

        tf.random.set_seed(123);
        var c = Range(N).shuffle(N);
        var d = Range(N).shuffle(N);

        Assert.Equal(a1, Labels(c));
        Assert.Equal(a2, Labels(c));
        Assert.Equal(b1, Labels(d));
        Assert.InRange(SamePositions(a1, a2), 0, 8);
        Assert.InRange(SamePositions(a1, b1), 0, 8);

        tf.random.set_seed(124);
        Assert.InRange(SamePositions(a1, Labels(Range(N).shuffle(N))), 0, 8);
    }

    [Fact]
    public void AnOpSeedIsCombinedWithTheGlobalSeed()
    {
        tf.random.set_seed(1);
        var first = Labels(Range(N).shuffle(N, seed: 5));
        tf.random.set_seed(2);
        var second = Labels(Range(N).shuffle(N, seed: 5));
        tf.random.set_seed(1);
        var again = Labels(Range(N).shuffle(N, seed: 5));

        Assert.InRange(SamePositions(first, second), 0, 8);
        Assert.Equal(first, again);
    }

    [Fact]
    public void GetSeedFollowsTensorFlowsRules()
    {
        tf.random.set_seed(7);

        Assert.Equal((7, 0), tf.random.get_seed(null));
        Assert.Equal((7, 1), tf.random.get_seed(null));
        Assert.Equal((7, 3), tf.random.get_seed(3));
    }

    [Fact]
    public void SetSeedLeavesTorchsGeneratorAlone()
    {
        // One seeding mechanism: torch is keras.utils.set_random_seed's to seed, so a different tf seed changes no draw.
        manual_seed(9);
        tf.random.set_seed(1);
        using var first = rand(5);
        manual_seed(9);
        tf.random.set_seed(2);
        using var second = rand(5);

        Assert.Equal(first.data<float>().ToArray(), second.data<float>().ToArray());
    }
}
