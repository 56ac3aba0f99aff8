using KerasMnist.Datasets.Core;

namespace KerasMnist.Tests.Datasets.Core;

public class SplitSpecTests
{
    private static readonly SplitInfo[] Mnist = [new("train", 60000), new("test", 10000)];

    private static string Pieces(string spec, params SplitInfo[] splits) =>
        string.Join(" + ", SplitSpec.Resolve(spec, splits.Length > 0 ? splits : Mnist).Select(p => $"{p.splitname}[{p.from_}:{p.to}]"));

    [Theory]
    [InlineData("train", "train[0:60000]")]
    [InlineData("test", "test[0:10000]")]
    [InlineData("train[:70%]", "train[0:42000]")]
    [InlineData("train[70%:]", "train[42000:60000]")]
    [InlineData("train[1000:2000]", "train[1000:2000]")]
    [InlineData("train[:10%]+test", "train[0:6000] + test[0:10000]")]
    [InlineData("train[:10%] + test[50%:]", "train[0:6000] + test[5000:10000]")]
    [InlineData("train[-1000:]", "train[59000:60000]")]
    [InlineData("train[:-10%]", "train[0:54000]")]
    [InlineData("test[-25%:-5%]", "test[7500:9500]")]
    [InlineData("train[:1_000]", "train[0:1000]")]
    [InlineData("train[12.5%:25%]", "train[7500:15000]")]
    [InlineData("all", "train[0:60000] + test[0:10000]")]
    [InlineData("train[0shard]", "train[0:60000]")]
    // tfds quirk kept on purpose: a unit on one side applies to both.
    [InlineData("train[10:50%]", "train[6000:30000]")]
    public void ResolvesTheTfdsForms(string spec, string expected) => Assert.Equal(expected, Pieces(spec));

    [Fact]
    public void NotebookSplitsGive42000And18000And10000()
    {
        long Count(string spec) => SplitSpec.Resolve(spec, Mnist).Sum(p => p.num_examples);
        Assert.Equal([42000L, 18000L, 10000L], new[] { "train[:70%]", "train[70%:]", "test" }.Select(Count));
    }

    [Theory]
    // n = 10: pct * 10 / 100 lands exactly on .5 and Python's round() goes to the even neighbour.
    [InlineData(25, 2)]  // 2.5 -> 2
    [InlineData(75, 8)]  // 7.5 -> 8
    [InlineData(15, 2)]  // 1.5 -> 2
    [InlineData(35, 4)]  // 3.5 -> 4
    [InlineData(45, 4)]  // 4.5 -> 4
    [InlineData(33, 3)]  // 3.3 -> 3
    [InlineData(67, 7)]  // 6.7 -> 7
    public void PercentBoundariesRoundHalfToEvenLikePython(double percent, long expected) =>
        Assert.Equal(expected, SplitSpec.ClosestExample(percent, 10));

    [Fact]
    public void RoundedBoundariesSliceSmallSplitsWithoutGapsOrOverlap()
    {
        var tiny = new SplitInfo("train", 10);
        Assert.Equal("train[0:2]", Pieces("train[:25%]", tiny));
        Assert.Equal("train[2:8]", Pieces("train[25%:75%]", tiny));
        Assert.Equal("train[8:10]", Pieces("train[75%:]", tiny));
    }

    [Theory]
    [InlineData("train[:70%", "is not NAME or NAME[FROM:TO]")]
    [InlineData("train[70]", "is an index")]
    [InlineData("train[a:b]", "is not a slice")]
    [InlineData("train[::]", "is not a slice")]
    [InlineData("train[:]", "is not a slice")]
    [InlineData("train[1.5:]", "is not an integer")]
    [InlineData("train[1__0:]", "is not an integer")]
    [InlineData("train[:150%]", "[-100%, 100%]")]
    [InlineData("", "is not NAME")]
    [InlineData("train+", "is not NAME")]
    [InlineData(" train", "is not NAME")]
    [InlineData("all[:10%]", "'all' cannot be sliced")]
    [InlineData("train[:70000]", "reaches past the 60000 examples")]
    [InlineData("train[-60001:]", "reaches past")]
    [InlineData("train[2000:1000]", "selects no examples")]
    [InlineData("train[1shard]", "selects no examples")]
    public void MalformedSplitsAreRejectedWithTheGrammar(string spec, string what)
    {
        var e = Assert.Throws<DatasetException>(() => SplitSpec.Resolve(spec, Mnist));
        Assert.Contains($"Invalid split '{spec}'", e.Message);
        Assert.Contains(what, e.Message);
        Assert.Contains(SplitSpec.Grammar, e.Message);
    }

    [Fact]
    public void UnknownSplitNamesListTheSplitsThatExist()
    {
        var e = Assert.Throws<DatasetException>(() => SplitSpec.Resolve("validation", Mnist));
        Assert.Contains("unknown split 'validation'", e.Message);
        Assert.Contains("'train', 'test'", e.Message);
        Assert.Contains(SplitSpec.Grammar, e.Message);
    }
}
