using ScottPlot;

namespace KerasMnist.Plotting;

/// <summary>
/// The counterpart of <c>matplotlib.figure.Figure</c>: one or more ScottPlot subplots with a pixel size
/// (matplotlib's <c>figsize</c> × 100 dpi). Nothing is drawn until <see cref="savefig"/> or
/// <see cref="ToPng"/>; a console program has no <c>plt.show()</c>, so figures go to PNG files.
/// </summary>
public sealed class Figure : IDisposable
{
    private readonly Multiplot _multiplot;
    private readonly Plot[] _plots;

    /// <summary>Wraps subplots arranged by <paramref name="layout"/> into a figure of the given pixel size.</summary>
    public Figure(IReadOnlyList<Plot> plots, IMultiplotLayout layout, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(plots);
        ArgumentNullException.ThrowIfNull(layout);
        if (plots.Count == 0) throw new ArgumentException("A figure needs at least one subplot.", nameof(plots));
        if (width < 16 || height < 16)
            throw new ArgumentOutOfRangeException(nameof(width), $"Figure size {width}x{height} px is too small; use at least 16x16.");
        _plots = plots.ToArray();
        _multiplot = new Multiplot(_plots[0]) { Layout = layout };
        // Subplots are added directly so ScottPlot does not copy the first subplot's style onto them.
        foreach (var plot in _plots.Skip(1)) _multiplot.Subplots.Add(plot);
        this.width = width;
        this.height = height;
    }

    /// <summary>A figure holding a single subplot.</summary>
    public Figure(Plot plot, int width, int height) : this([plot], new ScottPlot.MultiplotLayouts.Rows(), width, height)
    {
    }

    /// <summary>Width in pixels.</summary>
    public int width { get; }

    /// <summary>Height in pixels.</summary>
    public int height { get; }

    /// <summary><c>fig.axes</c>: the subplots, in order, for callers that want to restyle them with ScottPlot.</summary>
    public IReadOnlyList<Plot> axes => _plots;

    /// <summary>
    /// <c>fig.savefig(fname)</c>: writes the figure as PNG. The parent folder is created if needed; the file
    /// is rendered in memory first and then moved into place, so a failure never leaves a partial file.
    /// </summary>
    public void savefig(string fname)
    {
        if (string.IsNullOrWhiteSpace(fname))
            throw new ArgumentException("savefig needs a file name ending in .png.", nameof(fname));
        if (!string.Equals(Path.GetExtension(fname), ".png", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException(
                $"savefig writes PNG files only, but '{fname}' does not end in .png; choose a name like 'figure.png'.",
                nameof(fname));
        var full = Path.GetFullPath(fname);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var png = ToPng();
        var temp = full + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            File.WriteAllBytes(temp, png);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Renders the figure and returns the PNG file bytes.</summary>
    public byte[] ToPng()
    {
        FigureStyle.EnsureFonts();
        using var image = _multiplot.Render(width, height);
        return image.GetImageBytes(ImageFormat.Png, 100);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var plot in _plots) plot.Dispose();
    }
}
