using KerasMnist.Datasets;
using KerasMnist.Datasets.Data;
using static KerasMnist.Tests.Datasets.Data.TestPipelines;

namespace KerasMnist.Tests.Datasets.Data;

public class CardinalityTests
{
    public static TheoryData<string, long> Pipelines => new()
    {
        { "source", 10 },
        { "batch(3)", 4 },
        { "batch(3, drop_remainder)", 3 },
        { "batch(5)", 2 },
        { "take(4)", 4 },
        { "take(20)", 10 },
        { "take(-1)", 10 },
        { "take(0)", 0 },
        { "skip(3)", 7 },
        { "skip(20)", 0 },
        { "skip(-1)", 0 },
        { "skip(3).take(4)", 4 },
        { "batch(3).take(2)", 2 },
        { "batch(3).skip(1)", 3 },
        { "take(7).batch(3)", 3 },
        { "skip(8).batch(3)", 1 },
        { "map.cache.shuffle.prefetch", 10 },
        { "map.cache.shuffle.batch(4).prefetch", 3 },
    };

    [Theory]
    [MemberData(nameof(Pipelines))]
    public void CardinalityCountsWhatEnumerationYields(string pipeline, long expected)
    {
        var ds = Build(pipeline);

        Assert.Equal(expected, ds.cardinality());
        Assert.Equal(expected, Batches(ds).Count);
    }

    [Fact]
    public void UnknownAndInfiniteCardinalitiesPropagateAsInTfData()
    {
        var unknown = new ElementsOfUnknownCount(5);
        var infinite = new ElementsOfUnknownCount(5, tf.data.INFINITE_CARDINALITY);

        Assert.Equal(-2, tf.data.UNKNOWN_CARDINALITY);
        Assert.Equal(-1, tf.data.INFINITE_CARDINALITY);
        Assert.Equal(tf.data.UNKNOWN_CARDINALITY, unknown.batch(2).cardinality());
        Assert.Equal(tf.data.UNKNOWN_CARDINALITY, unknown.take(3).cardinality());
        // tf.data's TakeDataset returns UNKNOWN for an unknown input whatever the count, take(0) included.
        Assert.Equal(tf.data.UNKNOWN_CARDINALITY, unknown.take(0).cardinality());
        Assert.Equal(0, infinite.take(0).cardinality());
        Assert.Equal(tf.data.UNKNOWN_CARDINALITY, unknown.skip(3).map((x, y) => (x, y)).cache().cardinality());
        Assert.Equal(3, infinite.take(3).cardinality());
        Assert.Equal(tf.data.INFINITE_CARDINALITY, infinite.skip(3).batch(2).cardinality());
    }

    private static Dataset Build(string pipeline)
    {
        var ds = Range(10);
        return pipeline switch
        {
            "source" => ds,
            "batch(3)" => ds.batch(3),
            "batch(3, drop_remainder)" => ds.batch(3, drop_remainder: true),
            "batch(5)" => ds.batch(5),
            "take(4)" => ds.take(4),
            "take(20)" => ds.take(20),
            "take(-1)" => ds.take(-1),
            "take(0)" => ds.take(0),
            "skip(3)" => ds.skip(3),
            "skip(20)" => ds.skip(20),
            "skip(-1)" => ds.skip(-1),
            "skip(3).take(4)" => ds.skip(3).take(4),
            "batch(3).take(2)" => ds.batch(3).take(2),
            "batch(3).skip(1)" => ds.batch(3).skip(1),
            "take(7).batch(3)" => ds.take(7).batch(3),
            "skip(8).batch(3)" => ds.skip(8).batch(3),
            "map.cache.shuffle.prefetch" => ds.map((x, y) => (x, y)).cache().shuffle(10).prefetch(2),
            "map.cache.shuffle.batch(4).prefetch" => ds.map((x, y) => (x, y)).cache().shuffle(10).batch(4).prefetch(2),
            _ => throw new ArgumentException(pipeline),
        };
    }
}
