using ScottPlot;
using ScottPlot.LayoutEngines;

namespace KerasMnist.Plotting;

/// <summary>
/// matplotlib's <c>imshow</c> keeps pixels square by shrinking the axes box (<c>adjustable='box'</c>);
/// ScottPlot's SquareUnits widens the axis limits instead, which would frame empty space beside the image.
/// This layout engine takes ScottPlot's automatic layout and shrinks the data area around its centre.
/// </summary>
public sealed class SquarePixelLayout : ILayoutEngine
{
    private readonly Automatic _automatic = new();
    private readonly double _aspect;

    /// <summary>A layout whose data area has the width:height ratio of an image of the given pixel size.</summary>
    public SquarePixelLayout(int imageHeight, int imageWidth)
    {
        if (imageHeight <= 0 || imageWidth <= 0)
            throw new ArgumentOutOfRangeException(nameof(imageHeight), $"Image size {imageHeight}x{imageWidth} must be positive.");
        _aspect = (double)imageWidth / imageHeight;
    }

    /// <inheritdoc/>
    public Layout GetLayout(PixelRect figureRect, Plot plot, Paint paint)
    {
        var layout = _automatic.GetLayout(figureRect, plot, paint);
        var data = layout.DataRect;
        float width = data.Width, height = data.Height;
        if (width / height > _aspect) width = (float)(height * _aspect);
        else height = (float)(width / _aspect);
        float left = data.Left + (data.Width - width) / 2, top = data.Top + (data.Height - height) / 2;
        var square = new PixelRect(left, left + width, top + height, top);
        return new Layout(layout.FigureRect, square, layout.PanelSizes, layout.PanelOffsets);
    }
}
