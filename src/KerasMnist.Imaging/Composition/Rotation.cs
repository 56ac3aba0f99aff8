using KerasMnist.Imaging.Preprocessing;

namespace KerasMnist.Imaging.Composition;

/// <summary>Turning a layer of a composed picture about its centre, with bilinear sampling; what falls outside stays 0.</summary>
internal static class Rotation
{
    /// <summary>
    /// <paramref name="layer"/> turned by <paramref name="degrees"/> (positive: counter-clockwise as seen, the y axis
    /// pointing down), same size: each output pixel samples the source where the inverse turn takes it.
    /// </summary>
    public static GrayImage Rotate(GrayImage layer, double degrees)
    {
        if (degrees == 0) return layer;
        double angle = degrees * Math.PI / 180, cos = Math.Cos(angle), sin = Math.Sin(angle);
        double cx = (layer.Width - 1) / 2.0, cy = (layer.Height - 1) / 2.0;
        var result = new GrayImage(layer.Width, layer.Height);
        for (int y = 0; y < layer.Height; y++)
            for (int x = 0; x < layer.Width; x++)
            {
                double dx = x - cx, dy = y - cy;
                // The inverse of turning counter-clockwise on screen (y down) by the angle.
                double sx = cx + cos * dx - sin * dy, sy = cy + sin * dx + cos * dy;
                result[x, y] = Sample(layer, sx, sy);
            }
        return result;
    }

    static float Sample(GrayImage layer, double x, double y)
    {
        int x0 = (int)Math.Floor(x), y0 = (int)Math.Floor(y);
        double fx = x - x0, fy = y - y0;
        return (float)((1 - fy) * ((1 - fx) * At(layer, x0, y0) + fx * At(layer, x0 + 1, y0)) +
                       fy * ((1 - fx) * At(layer, x0, y0 + 1) + fx * At(layer, x0 + 1, y0 + 1)));
    }

    static float At(GrayImage layer, int x, int y) =>
        x < 0 || y < 0 || x >= layer.Width || y >= layer.Height ? 0f : layer[x, y];
}
