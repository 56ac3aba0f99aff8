using KerasMnist.Imaging.Preprocessing;

namespace KerasMnist.Tests.Imaging;

/// <summary>
/// Composes amount fields from MNIST test digits with known answers: each digit enlarged by <see cref="Scale"/>,
/// placed left to right with a chosen gap between the ink of neighbours (negative gaps overlap), optionally joined
/// by a stroke (touching digits), with a comma on the baseline after a chosen digit.
/// </summary>
internal sealed class FieldComposer(MnistTestDigits mnist, float scale = 2f)
{
    public float Scale => scale;

    public sealed record Placed(int Label, int Left, int Right);

    /// <summary>The page (white ink on black) and each digit's label and ink columns.</summary>
    public (GrayImage page, List<Placed> digits) Compose(IReadOnlyList<int> indices, IReadOnlyList<int> gaps,
        int? commaAfter = null, ISet<int>? joinAfter = null)
    {
        // Cropped at a quarter of full ink, so a digit's extent is its strokes, not the faintest grey at their edge.
        var crops = indices.Select(i => MnistPreprocessing.CropToInk(Enlarge(mnist.Digit(i)), level: 64)!).ToList();
        int height = crops.Max(c => c.Height);
        int width = crops.Sum(c => c.Width) + gaps.Sum() + (commaAfter is null ? 0 : 20) + 40;
        var page = new GrayImage(Math.Max(width, 40), height + 40);
        var placed = new List<Placed>();
        int x = 20;
        for (int k = 0; k < crops.Count; k++)
        {
            var crop = crops[k];
            int top = 20 + height - crop.Height; // digits stand on one baseline
            for (int yy = 0; yy < crop.Height; yy++)
                for (int xx = 0; xx < crop.Width; xx++)
                    page[x + xx, top + yy] = Math.Max(page[x + xx, top + yy], crop[xx, yy]);
            placed.Add(new Placed(mnist.Labels[indices[k]], x, x + crop.Width));
            x += crop.Width;
            if (k == commaAfter)
            {
                // A comma: a short slanted blob on the baseline, in the middle of a widened gap.
                int cx = x + gaps[k] / 2 + 4, baseline = 20 + height;
                for (int dy = -5; dy < 3; dy++)
                    for (int dx = -2; dx <= 2; dx++) page[cx + dx - dy / 3, baseline + dy] = 255;
                x += 10;
            }
            if (k < gaps.Count) x += gaps[k];
        }
        if (joinAfter is not null)
            foreach (var k in joinAfter) Join(page, placed[k], placed[k + 1]);
        return (page, placed);
    }

    GrayImage Enlarge(GrayImage digit)
    {
        int size = (int)MathF.Round(28 * scale);
        return new GrayImage(size, size, KerasMnist.Imaging.Resampling.Resize(digit.Pixels, 28, 28, 1, size, size, "bilinear"));
    }

    /// <summary>Draws a 3-pixel stroke across the narrowest gap between the ink of two neighbours, so they touch.</summary>
    static void Join(GrayImage page, Placed a, Placed b)
    {
        int bestRow = -1, bestFrom = 0, bestTo = int.MaxValue;
        for (int y = 0; y < page.Height; y++)
        {
            int right = -1, left = -1;
            for (int x = a.Left; x < a.Right; x++) if (page[x, y] > 127) right = x;
            for (int x = b.Right - 1; x >= b.Left; x--) if (page[x, y] > 127) left = x;
            if (right < 0 || left < 0 || left <= right) continue;
            if (left - right < bestTo - bestFrom) (bestRow, bestFrom, bestTo) = (y, right, left);
        }
        if (bestRow < 0) return; // already touching
        for (int y = Math.Max(0, bestRow - 1); y <= Math.Min(page.Height - 1, bestRow + 1); y++)
            for (int x = bestFrom; x <= bestTo; x++) page[x, y] = 255;
    }
}
