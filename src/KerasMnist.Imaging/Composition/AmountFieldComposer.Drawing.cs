using KerasMnist.Imaging.Preprocessing;

namespace KerasMnist.Imaging.Composition;

// Drawing a composed field: the digits and the comma as one ink layer, the ruled line as another, then both coloured
// onto the paper. Layers hold ink strength 0..1, so they can be turned before the colours are mixed.
public sealed partial class AmountFieldComposer
{
    /// <summary>The digits side by side on one baseline, a comma after <paramref name="comma"/> digits (none when negative), and the ruled line.</summary>
    GrayImage Layout(IReadOnlyList<GrayImage> glyphs, int height, int comma, out GrayImage line)
    {
        double radius = 0.07 * height; // the comma's dot; its tail reaches 2.2 radii below the baseline
        var gaps = glyphs.Select(_ => height * (Gap.Min + (Gap.Max - Gap.Min) * random.NextDouble())).ToList();
        double commaSpace = comma > 0 ? 2 * radius + height * Gap.Min : 0;
        int side = (int)Math.Round(0.6 * height);
        int inkWidth = (int)Math.Ceiling(glyphs.Sum(g => g.Width) + gaps.Take(glyphs.Count - 1).Sum() + commaSpace);
        int width = inkWidth + 2 * side;
        // Room above and below for the turn: the ends of the field move by half its width times tan(MaxRotation).
        int margin = (int)Math.Ceiling(Math.Max(0.5 * height, width / 2.0 * Math.Tan(MaxRotation * Math.PI / 180) + 0.4 * height));
        int baseline = margin + height;
        var ink = new GrayImage(width, baseline + margin);

        double x = side;
        for (int k = 0; k < glyphs.Count; k++)
        {
            var glyph = glyphs[k];
            int top = baseline - glyph.Height + (int)Math.Round(0.04 * height * (2 * random.NextDouble() - 1));
            Stamp(ink, glyph, (int)Math.Round(x), top);
            x += glyph.Width + (k < glyphs.Count - 1 ? gaps[k] : 0);
            if (k == comma - 1)
            {
                Comma(ink, x + commaSpace / 2 - gaps[k] / 2, baseline, radius);
                x += commaSpace;
            }
        }

        line = new GrayImage(ink.Width, ink.Height);
        int lineY = baseline + (int)Math.Round(height * (0.12 + 0.1 * random.NextDouble()));
        int thickness = random.Next(1, 3);
        for (int y = lineY; y < Math.Min(line.Height, lineY + thickness); y++)
            for (int lx = side / 3; lx < width - side / 3; lx++) line[lx, y] = 1f;
        return ink;
    }

    static void Stamp(GrayImage page, GrayImage glyph, int left, int top)
    {
        for (int y = 0; y < glyph.Height; y++)
            for (int x = 0; x < glyph.Width; x++)
            {
                int px = left + x, py = top + y;
                if (px >= 0 && py >= 0 && px < page.Width && py < page.Height) page[px, py] = Math.Max(page[px, py], glyph[x, y]);
            }
    }

    /// <summary>A handwritten comma: a dot sitting on the baseline with a short tail down to the left, anti-aliased.</summary>
    static void Comma(GrayImage page, double cx, double baseline, double radius)
    {
        double dotY = baseline - radius, tailX = cx - 0.8 * radius, tailY = baseline + 2.2 * radius, pen = 0.45 * radius;
        for (int y = (int)(dotY - radius - 2); y <= (int)(tailY + 2); y++)
            for (int x = (int)(tailX - 2); x <= (int)(cx + radius + 2); x++)
            {
                if (x < 0 || y < 0 || x >= page.Width || y >= page.Height) continue;
                double dot = radius + 0.5 - Math.Sqrt((x - cx) * (x - cx) + (y - dotY) * (y - dotY));
                double tail = pen + 0.5 - SegmentDistance(x, y, cx + 0.3 * radius, dotY, tailX, tailY);
                page[x, y] = Math.Max(page[x, y], (float)Math.Clamp(Math.Max(dot, tail), 0, 1));
            }
    }

    static double SegmentDistance(double px, double py, double ax, double ay, double bx, double by)
    {
        double dx = bx - ax, dy = by - ay;
        double t = Math.Clamp(((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy), 0, 1);
        double qx = ax + t * dx - px, qy = ay + t * dy - py;
        return Math.Sqrt(qx * qx + qy * qy);
    }

    /// <summary>The paper with the line and then the ink laid over it, plus a little grain (up to 3 grey levels).</summary>
    Image Colour(GrayImage ink, GrayImage line)
    {
        var paper = Vary(PaperTones[random.Next(PaperTones.Count)], 4);
        var pen = Vary(InkColors[random.Next(InkColors.Count)], 10);
        double strength = 0.85 + 0.15 * random.NextDouble();
        double contrast = random.Next(LineContrast.Min, LineContrast.Max + 1);
        // Bluish grey: the drop in luma (0.299 R + 0.587 G + 0.114 B) is about the contrast.
        double[] rule = [paper[0] - 1.3 * contrast, paper[1] - contrast, paper[2] - 0.4 * contrast];
        var bytes = new byte[ink.Pixels.Length * 3];
        for (int i = 0; i < ink.Pixels.Length; i++)
        {
            double grain = random.Next(-3, 4), a = ink.Pixels[i] * strength, l = line.Pixels[i];
            for (int c = 0; c < 3; c++)
            {
                double value = paper[c] + grain;
                value += (rule[c] - value) * l;
                value += (pen[c] - value) * a;
                bytes[i * 3 + c] = (byte)Math.Clamp(Math.Round(value), 0, 255);
            }
        }
        return new Image("RGB", ink.Width, ink.Height, bytes);
    }

    double[] Vary((byte R, byte G, byte B) colour, int by) =>
        [colour.R + random.Next(-by, by + 1), colour.G + random.Next(-by, by + 1), colour.B + random.Next(-by, by + 1)];
}
