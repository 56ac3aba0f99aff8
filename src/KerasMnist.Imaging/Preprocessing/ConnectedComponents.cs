namespace KerasMnist.Imaging.Preprocessing;

/// <summary>One 8-connected piece of ink: its label, pixel count and bounding box (right and bottom exclusive).</summary>
public sealed record InkComponent(int Label, int Area, int Left, int Top, int Right, int Bottom)
{
    /// <summary>Bounding-box width in pixels.</summary>
    public int Width => Right - Left;

    /// <summary>Bounding-box height in pixels.</summary>
    public int Height => Bottom - Top;
}

/// <summary>Connected-component labelling of a binary mask, 8-connectivity (a diagonal step joins, as a pen stroke does).</summary>
public static class ConnectedComponents
{
    /// <summary>
    /// Labels every true pixel of <paramref name="mask"/> (row-major, <paramref name="width"/> x
    /// <paramref name="height"/>) with its component's number, 1..n in scan order; 0 stays background.
    /// </summary>
    /// <returns>The label image and the components, in label order.</returns>
    public static (int[] labels, List<InkComponent> components) Label(bool[] mask, int width, int height)
    {
        var labels = new int[mask.Length];
        var components = new List<InkComponent>();
        var stack = new Stack<int>();
        for (int start = 0; start < mask.Length; start++)
        {
            if (!mask[start] || labels[start] != 0) continue;
            int label = components.Count + 1, area = 0;
            int left = int.MaxValue, top = int.MaxValue, right = 0, bottom = 0;
            labels[start] = label;
            stack.Push(start);
            while (stack.Count > 0)
            {
                int p = stack.Pop(), x = p % width, y = p / width;
                area++;
                left = Math.Min(left, x);
                right = Math.Max(right, x + 1);
                top = Math.Min(top, y);
                bottom = Math.Max(bottom, y + 1);
                for (int dy = -1; dy <= 1; dy++)
                    for (int dx = -1; dx <= 1; dx++)
                    {
                        int nx = x + dx, ny = y + dy;
                        if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
                        int q = ny * width + nx;
                        if (!mask[q] || labels[q] != 0) continue;
                        labels[q] = label;
                        stack.Push(q);
                    }
            }
            components.Add(new InkComponent(label, area, left, top, right, bottom));
        }
        return (labels, components);
    }
}
