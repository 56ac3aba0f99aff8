namespace KerasMnist.Keras.Layers;

/// <summary>Keras axes of a batch (batch = 0, negative counts from the end), as tensors carry them everywhere here.</summary>
internal static class Axes
{
    /// <summary>
    /// The non-negative axis of Keras <paramref name="axis"/> for a batch of examples of shape <paramref name="example"/>.
    /// Throws <see cref="ArgumentException"/> naming <paramref name="layer"/> when the axis does not exist.
    /// </summary>
    public static int Normalize(int axis, Shape example, string layer)
    {
        int rank = example.Rank + 1;
        int normalized = axis < 0 ? axis + rank : axis;
        if (normalized < 0 || normalized >= rank)
            throw new ArgumentException(
                $"Invalid axis {axis} for layer \"{layer}\": its input {example.ToBatchString()} has {rank} dimensions, " +
                $"so axis must be in [{-rank}, {rank - 1}] (the default -1 is the last axis, the channels of an image).");
        return normalized;
    }
}
