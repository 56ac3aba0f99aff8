namespace KerasMnist.Keras.Layers;

/// <summary>
/// Keras axes (channels-last, batch = 0, negative counts from the end) mapped onto the engine's layout,
/// where 4-D tensors are indexed (N, C, H, W) (see Layout): Keras axis 3 (channels) is axis 1 inside, Keras 1 and 2 (H, W) are 2 and 3.
/// Other ranks keep Keras's order inside.
/// </summary>
internal static class Axes
{
    /// <summary>The internal axis of Keras <paramref name="axis"/> for examples of <paramref name="example"/> (no batch).</summary>
    public static int ToInternal(int axis, Shape example, string layer)
    {
        int rank = example.Rank + 1;
        int keras = axis < 0 ? axis + rank : axis;
        if (keras < 0 || keras >= rank)
            throw new ArgumentException(
                $"Invalid axis {axis} for layer \"{layer}\": its input {example.ToBatchString()} has {rank} dimensions, " +
                $"so axis must be in [{-rank}, {rank - 1}] (the default -1 is the channels axis).");
        return rank == 4 ? keras switch { 0 => 0, 1 => 2, 2 => 3, _ => 1 } : keras;
    }
}
