using ScottPlot;

namespace KerasMnist.Plotting;

/// <summary>
/// A row of equally wide subplots under an optional title band (matplotlib's <c>fig.suptitle</c>): with a
/// band, subplot 0 only carries the title and fills the top <c>titleHeight</c> pixels.
/// </summary>
public sealed class TitledRowLayout(int titleHeight) : IMultiplotLayout
{
    /// <inheritdoc/>
    public PixelRect[] GetSubplotRectangles(SubplotCollection subplots, PixelRect figureRect)
    {
        int count = subplots.Count;
        var rects = new PixelRect[count];
        int first = 0;
        float top = figureRect.Top;
        if (titleHeight > 0)
        {
            rects[0] = new PixelRect(figureRect.Left, figureRect.Right, top + titleHeight, top);
            top += titleHeight;
            first = 1;
        }
        int panels = count - first;
        float width = figureRect.Width / Math.Max(panels, 1);
        for (int i = 0; i < panels; i++)
        {
            float left = figureRect.Left + i * width;
            rects[first + i] = new PixelRect(left, left + width, figureRect.Bottom, top);
        }
        return rects;
    }
}
