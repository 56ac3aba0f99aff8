namespace KerasMnist.Datasets.Data;

/// <summary>
/// tf.data's shuffle buffer, run on element positions only: the stages then move data once per batch
/// instead of once per element.
/// </summary>
internal static class ShuffleBuffer
{
    /// <summary>
    /// Upstream positions in shuffled order: fill a buffer of <paramref name="bufferSize"/> positions, emit a
    /// uniformly chosen slot and refill it with the next position; once the upstream is exhausted, drain the
    /// buffer uniformly. Output position p therefore holds an upstream position below p + bufferSize.
    /// </summary>
    /// <param name="bufferSize">Positions held at once (at least 1).</param>
    /// <param name="random">The pass's generator.</param>
    /// <param name="available">Reads the upstream until the given position exists; false once it is exhausted.
    /// Called with 0, 1, 2, ... in order.</param>
    public static IEnumerable<long> Order(int bufferSize, Random random, Func<long, bool> available)
    {
        var buffer = new List<long>(Math.Min(bufferSize, 1 << 16));
        long next = 0;
        while (buffer.Count < bufferSize && available(next))
            buffer.Add(next++);
        while (buffer.Count > 0)
        {
            int slot = random.Next(buffer.Count);
            yield return buffer[slot];
            if (available(next))
            {
                buffer[slot] = next++;
            }
            else
            {
                buffer[slot] = buffer[^1];
                buffer.RemoveAt(buffer.Count - 1);
            }
        }
    }
}
