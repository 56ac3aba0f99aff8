namespace KerasMnist.Imaging.Preprocessing;

/// <summary>
/// Grey-scale erosion and dilation with a square window, separable (rows, then columns), each line in linear time
/// with a monotonic queue, so the cost does not grow with the window (as van Herk / Gil-Werman). Near the edges
/// the window holds only the pixels inside the image.
/// </summary>
public static class Morphology
{
    /// <summary>Minimum over the <paramref name="size"/> x <paramref name="size"/> window centred on each pixel.</summary>
    public static GrayImage Erode(GrayImage image, int size) => Filter(image, size, minimum: true);

    /// <summary>Maximum over the <paramref name="size"/> x <paramref name="size"/> window centred on each pixel.</summary>
    public static GrayImage Dilate(GrayImage image, int size) => Filter(image, size, minimum: false);

    /// <summary>Opening: erosion, then dilation. Removes bright structures the window does not fit into.</summary>
    public static GrayImage Open(GrayImage image, int size) => Dilate(Erode(image, size), size);

    static GrayImage Filter(GrayImage image, int size, bool minimum)
    {
        if (size < 1) throw new ArgumentException($"The window must be at least 1 pixel, got {size}.");
        if (size == 1) return new GrayImage(image.Width, image.Height, (float[])image.Pixels.Clone());
        int w = image.Width, h = image.Height;
        var rows = new float[w * h];
        var line = new float[Math.Max(w, h)];
        var output = new float[Math.Max(w, h)];
        var queue = new int[Math.Max(w, h)];
        for (int y = 0; y < h; y++)
        {
            Array.Copy(image.Pixels, y * w, line, 0, w);
            Slide(line, w, size, minimum, output, queue);
            Array.Copy(output, 0, rows, y * w, w);
        }
        var result = new float[w * h];
        for (int x = 0; x < w; x++)
        {
            for (int y = 0; y < h; y++) line[y] = rows[y * w + x];
            Slide(line, h, size, minimum, output, queue);
            for (int y = 0; y < h; y++) result[y * w + x] = output[y];
        }
        return new GrayImage(w, h, result);
    }

    // output[i] = min (or max) of line[i - before .. i + after], clipped to the line.
    static void Slide(float[] line, int n, int size, bool minimum, float[] output, int[] queue)
    {
        int before = (size - 1) / 2, after = size - 1 - before;
        int head = 0, tail = 0, next = 0;
        for (int i = 0; i < n; i++)
        {
            for (int last = Math.Min(n - 1, i + after); next <= last; next++)
            {
                while (tail > head && (minimum ? line[queue[tail - 1]] >= line[next] : line[queue[tail - 1]] <= line[next])) tail--;
                queue[tail++] = next;
            }
            while (queue[head] < i - before) head++;
            output[i] = line[queue[head]];
        }
    }
}
