using KerasMnist.Imaging.Preprocessing;

namespace KerasMnist.Imaging.Segmentation;

/// <summary>
/// Splits the ink of an amount or date field into digits, the classic way of segmenting handwritten numeral strings
/// (Casey &amp; Lecolinet, "A Survey of Methods and Strategies in Character Segmentation", IEEE PAMI 18(7), 1996):
/// connected components; the parts of one digit joined when their column ranges overlap (a 5 or 7 whose stroke
/// broke); small blobs near the baseline taken as separators (comma, point); parts too wide for one digit
/// (touching digits) cut at the minima of the column projection. All sizes are relative to the field's digit height.
/// </summary>
public static class FieldSegmenter
{
    /// <summary>A part lower and narrower than this share of the digit height is small: a separator, a broken-off piece or a stray mark.</summary>
    public const double SmallFraction = 0.4;

    /// <summary>A small part whose centre lies below this share of the digit band's height (from its top) sits on the baseline: a separator.</summary>
    public const double BaselineFraction = 0.6;

    /// <summary>Two parts are one digit when their column ranges overlap by at least this share of the narrower one.</summary>
    public const double JoinOverlap = 0.5;

    /// <summary>A part wider than this many digit heights holds touching digits (single handwritten digits are rarely wider than tall).</summary>
    public const double MaxDigitAspect = 1.15;

    /// <summary>The width of a typical digit in digit heights, which sets how many digits a too-wide part holds.</summary>
    public const double TypicalDigitAspect = 0.8;

    /// <summary>Parts at least this share of the digit height are digits (or hold several); lower ones are pieces or marks.</summary>
    public const double MinDigitFraction = 0.5;

    /// <summary>A broken-off piece joins a digit up to this many digit heights away; farther, it is a stray mark and ignored.</summary>
    public const double AttachGap = 0.1;

    /// <summary>Segments <paramref name="ink"/> into digits; an image without ink gives no digits.</summary>
    public static FieldSegmentation Segment(InkImage ink)
    {
        var components = ink.Components;
        if (components.Count == 0) return new FieldSegmentation([], [], 0);
        int height = components.Max(c => c.Height);
        var tall = components.Where(c => c.Height >= MinDigitFraction * height).ToList();
        int bandTop = tall.Min(c => c.Top), bandBottom = tall.Max(c => c.Bottom);

        // A small blob on the baseline, between digits and not under one, is a separator; the rest are digit parts.
        bool IsSeparator(InkComponent c)
        {
            double middle = (c.Left + c.Right) / 2.0;
            return c.Height < SmallFraction * height && c.Width < SmallFraction * height &&
                   (c.Top + c.Bottom) / 2.0 > bandTop + BaselineFraction * (bandBottom - bandTop) &&
                   tall.All(t => Overlap(c, t) < JoinOverlap * c.Width) &&
                   tall.Any(t => t.Right <= middle) && tall.Any(t => t.Left >= middle);
        }
        var separators = components.Where(IsSeparator).Select(c => (c.Left + c.Right) / 2.0).ToList();
        var pieces = components.Where(c => !IsSeparator(c)).ToList();

        // Union-find: parts of one digit share a root.
        var parent = Enumerable.Range(0, pieces.Count).ToArray();
        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
        for (int i = 0; i < pieces.Count; i++)
            for (int j = i + 1; j < pieces.Count; j++)
                if (Overlap(pieces[i], pieces[j]) >= JoinOverlap * Math.Min(pieces[i].Width, pieces[j].Width))
                    parent[Root(i)] = Root(j);
        var groups = Enumerable.Range(0, pieces.Count).GroupBy(Root).Select(g => g.Select(i => pieces[i]).ToList()).ToList();
        var digitGroups = groups.Where(g => Bounds(g).Height >= MinDigitFraction * height).ToList();

        // A short group that is no separator is a piece broken off a digit (the flag of a 5, the tail of a 9): it joins
        // the digit whose columns it shares most, or the nearest one within AttachGap; farther away it is a stray mark.
        foreach (var group in groups.Except(digitGroups))
        {
            var box = Bounds(group);
            var nearest = digitGroups
                .Select(d => (digit: d, overlap: Math.Min(box.Right, Bounds(d).Right) - Math.Max(box.Left, Bounds(d).Left)))
                .OrderByDescending(d => d.overlap).FirstOrDefault();
            if (nearest.digit is not null && nearest.overlap > -AttachGap * height) nearest.digit.AddRange(group);
        }

        var digits = new List<DigitSegment>();
        foreach (var group in digitGroups)
        {
            var box = Bounds(group);
            var segment = new DigitSegment(group.Select(c => c.Label).ToList(), box.Left, box.Right, box.Top, box.Bottom);
            digits.AddRange(box.Width > MaxDigitAspect * height ? Split(ink, segment, height) : [segment]);
        }
        int parts = digitGroups.Count;
        digits.Sort((a, b) => (a.Left + a.Right).CompareTo(b.Left + b.Right));
        var positions = separators.Order().Select(x => digits.Count(d => (d.Left + d.Right) / 2.0 < x)).ToList();
        return new FieldSegmentation(digits, positions, parts);
    }

    static int Overlap(InkComponent a, InkComponent b) => Math.Max(0, Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left));

    static (int Left, int Top, int Right, int Bottom, int Width, int Height) Bounds(List<InkComponent> group)
    {
        int left = group.Min(c => c.Left), top = group.Min(c => c.Top), right = group.Max(c => c.Right), bottom = group.Max(c => c.Bottom);
        return (left, top, right, bottom, right - left, bottom - top);
    }

    /// <summary>
    /// Cuts a part holding touching digits into <c>round(width / (TypicalDigitAspect * height))</c> pieces (at least 2),
    /// each cut at the column with the least ink within a quarter of a digit's width of where an even split would put it.
    /// </summary>
    static IEnumerable<DigitSegment> Split(InkImage ink, DigitSegment segment, int height)
    {
        int count = Math.Max(2, (int)Math.Round(segment.Width / (TypicalDigitAspect * height)));
        var projection = ColumnProjection(ink, segment);
        double pitch = (double)segment.Width / count;
        var cuts = new List<int> { segment.Left };
        for (int k = 1; k < count; k++)
        {
            double expected = segment.Left + k * pitch;
            int from = Math.Max(cuts[^1] + 1, (int)Math.Round(expected - pitch / 4)), to = Math.Min(segment.Right - 1, (int)Math.Round(expected + pitch / 4));
            int best = Math.Clamp((int)Math.Round(expected), from, Math.Max(from, to));
            for (int x = from; x <= to; x++)
                if (projection[x - segment.Left] < projection[best - segment.Left] ||
                    (projection[x - segment.Left] == projection[best - segment.Left] && Math.Abs(x - expected) < Math.Abs(best - expected)))
                    best = x;
            cuts.Add(best);
        }
        cuts.Add(segment.Right);
        for (int k = 0; k + 1 < cuts.Count; k++)
        {
            var rows = InkRows(ink, segment, cuts[k], cuts[k + 1]);
            if (rows is (int top, int bottom))
                yield return new DigitSegment(segment.Labels, cuts[k], cuts[k + 1], top, bottom) { WasSplit = true };
        }
    }

    // Ink per column of the segment (grey levels summed, so a faint joining stroke weighs less than a digit's body).
    static float[] ColumnProjection(InkImage ink, DigitSegment segment)
    {
        var wanted = Wanted(ink, segment);
        var projection = new float[segment.Width];
        for (int y = segment.Top; y < segment.Bottom; y++)
            for (int x = segment.Left; x < segment.Right; x++)
            {
                int i = y * ink.Width + x;
                if (wanted[ink.Labels[i]]) projection[x - segment.Left] += ink.Ink.Pixels[i];
            }
        return projection;
    }

    static (int top, int bottom)? InkRows(InkImage ink, DigitSegment segment, int left, int right)
    {
        var wanted = Wanted(ink, segment);
        int top = -1, bottom = -1;
        for (int y = segment.Top; y < segment.Bottom; y++)
            for (int x = left; x < right; x++)
                if (wanted[ink.Labels[y * ink.Width + x]])
                {
                    if (top < 0) top = y;
                    bottom = y + 1;
                    break;
                }
        return top < 0 ? null : (top, bottom);
    }

    static bool[] Wanted(InkImage ink, DigitSegment segment)
    {
        var wanted = new bool[ink.Components.Count + 1];
        foreach (var label in segment.Labels) wanted[label] = true;
        return wanted;
    }
}
