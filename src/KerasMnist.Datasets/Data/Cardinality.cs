namespace KerasMnist.Datasets.Data;

/// <summary>tf.data's cardinality sentinels and the arithmetic of the stages on them.</summary>
internal static class Cardinality
{
    /// <summary><c>tf.data.INFINITE_CARDINALITY</c>.</summary>
    public const long Infinite = -1;

    /// <summary><c>tf.data.UNKNOWN_CARDINALITY</c>.</summary>
    public const long Unknown = -2;

    public static bool IsKnown(long cardinality) => cardinality >= 0;
}
