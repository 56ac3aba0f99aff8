using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace KerasMnist.Plotting;

/// <summary>The annotated heatmap behind <see cref="sns.heatmap"/>.</summary>
public static class HeatmapPlot
{
    /// <summary>Figure size in pixels (the notebook's <c>figsize=(10, 10)</c> at 100 dpi).</summary>
    public const int Size = 1000;

    /// <summary>Draws <paramref name="grid"/> with <c>grid[0, 0]</c> at the top left.</summary>
    public static Figure Draw(double[,] grid, bool annot, IColormap colormap,
        IReadOnlyList<string>? xticklabels, IReadOnlyList<string>? yticklabels, string? xlabel, string? ylabel, string? title)
    {
        int rows = grid.GetLength(0), cols = grid.GetLength(1);
        var xNames = TickNames(xticklabels, cols, nameof(xticklabels));
        var yNames = TickNames(yticklabels, rows, nameof(yticklabels));

        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(grid);
        heatmap.Colormap = colormap;
        var (min, max) = Range(grid);
        heatmap.ManualRange = new ScottPlot.Range(min, max);
        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Axis.TickLabelStyle.FontSize = FigureStyle.TickSize;
        colorBar.Axis.TickLabelStyle.FontName = FigureStyle.FontFamily;
        // ScottPlot's default puts a tick every 50 counts with thousands separators; a few plain numbers read better.
        colorBar.Axis.TickGenerator = FigureStyle.PlainTicks(6);

        if (annot) Annotate(plot, grid, colormap, min, max);

        var xTicks = new NumericManual();
        for (int c = 0; c < cols; c++) xTicks.AddMajor(c, xNames[c]);
        var yTicks = new NumericManual();
        // ScottPlot puts row 0 at the top, at y = rows - 1.
        for (int r = 0; r < rows; r++) yTicks.AddMajor(rows - 1 - r, yNames[r]);
        plot.Axes.Bottom.TickGenerator = xTicks;
        // Names wider than a cell would run into each other (Fashion-MNIST's "T-shirt/top"); slant them like matplotlib's rotation=45.
        float longest = xNames.Max(n => n.Length) * FigureStyle.TickSize * 0.6f;
        if (longest > (Size - 250f) / cols)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            // ScottPlot sizes the axis for level labels; reserve the slanted labels' height plus the axis label.
            ((ScottPlot.AxisPanels.AxisBase)plot.Axes.Bottom).MinimumSize = longest * 0.71f + FigureStyle.TickSize + 2 * FigureStyle.LabelSize;
        }
        plot.Axes.Left.TickGenerator = yTicks;
        plot.Axes.SetLimits(-0.5, cols - 0.5, -0.5, rows - 0.5);
        plot.Layout.LayoutEngine = new SquarePixelLayout(rows, cols);
        plot.HideGrid();
        if (xlabel is not null) plot.XLabel(xlabel);
        if (ylabel is not null) plot.YLabel(ylabel);
        FigureStyle.Apply(plot);
        if (title is not null) FigureStyle.Title(plot, title, Size);
        return new Figure(plot, Size, Size);
    }

    private static void Annotate(Plot plot, double[,] grid, IColormap colormap, double min, double max)
    {
        int rows = grid.GetLength(0), cols = grid.GetLength(1);
        bool integral = grid.Cast<double>().All(v => !double.IsFinite(v) || v == Math.Round(v));
        // Shrink the numbers when many cells share the figure, so 4-digit counts stay inside their cell.
        float fontSize = Math.Clamp(700f / Math.Max(rows, cols) / 3.2f, 7f, FigureStyle.AnnotationSize);
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
            {
                double value = grid[r, c];
                var text = plot.Add.Text(Format(value, integral), c, rows - 1 - r);
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontSize = fontSize;
                text.LabelFontName = FigureStyle.FontFamily;
                double fraction = max > min ? (value - min) / (max - min) : 0;
                text.LabelFontColor = Colormaps.TextColorOn(colormap.GetColor(fraction));
            }
    }

    private static string Format(double value, bool integral) =>
        !double.IsFinite(value) ? "" : integral ? value.ToString("0", CultureInfo.InvariantCulture) : value.ToString("0.##", CultureInfo.InvariantCulture);

    private static (double min, double max) Range(double[,] grid)
    {
        var finite = grid.Cast<double>().Where(double.IsFinite).DefaultIfEmpty(0).ToArray();
        double min = finite.Min(), max = finite.Max();
        return (min, max > min ? max : min + 1);
    }

    private static string[] TickNames(IReadOnlyList<string>? names, int count, string name)
    {
        if (names is null) return Enumerable.Range(0, count).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        if (names.Count != count)
            throw new ArgumentException($"{name} has {names.Count} names but the matrix has {count} along that axis.", name);
        return names.ToArray();
    }
}
