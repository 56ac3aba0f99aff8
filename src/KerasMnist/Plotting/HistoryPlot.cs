using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace KerasMnist.Plotting;

/// <summary>The loss/metric curves behind <see cref="plt.plot_history"/>: one 700×600 px panel per metric.</summary>
public static class HistoryPlot
{
    /// <summary>Panel width in pixels.</summary>
    public const int PanelWidth = 700;

    /// <summary>Panel height in pixels.</summary>
    public const int PanelHeight = 600;

    /// <summary>Height of the band holding the figure title, in pixels.</summary>
    public const int TitleBand = 60;

    /// <summary>Draws <paramref name="history"/>; <paramref name="title"/> (e.g. the model name) goes above all panels.</summary>
    public static Figure Draw(IReadOnlyDictionary<string, List<double>> history, string? title)
    {
        var metrics = Metrics(history);
        int epochs = history[metrics[0]].Count;
        var plots = new List<Plot>();
        if (title is not null) plots.Add(TitlePlot(title, PanelWidth * metrics.Count));
        foreach (var metric in metrics)
            plots.Add(Panel(metric, history[metric], history.TryGetValue("val_" + metric, out var val) ? val : null, epochs));
        int height = PanelHeight + (title is null ? 0 : TitleBand);
        return new Figure(plots, new TitledRowLayout(title is null ? 0 : TitleBand), PanelWidth * metrics.Count, height);
    }

    // Training metrics in the dictionary's order, loss first; every series must cover the same epochs.
    private static List<string> Metrics(IReadOnlyDictionary<string, List<double>> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var metrics = history.Keys.Where(k => !k.StartsWith("val_", StringComparison.Ordinal))
            .OrderBy(k => k == "loss" ? 0 : 1).ToList();
        if (metrics.Count == 0 || history.Values.All(v => v is null || v.Count == 0))
            throw new ArgumentException("The history is empty; pass history.history after model.fit has run at least one epoch.", nameof(history));
        int epochs = history[metrics[0]]?.Count ?? 0;
        foreach (var (key, values) in history)
        {
            if (values is null || values.Count != epochs)
                throw new ArgumentException(
                    $"history['{key}'] has {values?.Count ?? 0} values but history['{metrics[0]}'] has {epochs}; every entry needs one value per epoch.",
                    nameof(history));
        }
        foreach (var key in history.Keys.Where(k => k.StartsWith("val_", StringComparison.Ordinal)))
            if (!history.ContainsKey(key[4..]))
                throw new ArgumentException($"history has '{key}' but no '{key[4..]}' to go with it.", nameof(history));
        return metrics;
    }

    private static Plot Panel(string metric, List<double> train, List<double>? validation, int epochs)
    {
        var plot = new Plot();
        var x = Enumerable.Range(1, epochs).Select(e => (double)e).ToArray();
        Curve(plot, x, train, "training", FigureStyle.C0, LinePattern.Solid);
        if (validation is not null) Curve(plot, x, validation, "validation", FigureStyle.C1, LinePattern.Dashed);

        plot.XLabel("epoch");
        plot.YLabel(metric.EndsWith("accuracy", StringComparison.Ordinal) ? "accuracy" : metric);
        plot.Axes.SetLimitsX(0.5, epochs + 0.5);
        plot.Axes.Bottom.TickGenerator = EpochTicks(epochs);
        plot.Axes.Left.TickGenerator = FigureStyle.PlainTicks(6);
        var all = validation is null ? train : train.Concat(validation).ToList();
        var (low, high) = (all.Where(double.IsFinite).DefaultIfEmpty(0).Min(), all.Where(double.IsFinite).DefaultIfEmpty(1).Max());
        double pad = high > low ? (high - low) * 0.1 : Math.Max(Math.Abs(high) * 0.05, 0.01);
        plot.Axes.SetLimitsY(low - pad, high + pad);
        // A rising curve (accuracy) ends top right, a falling one (loss) bottom right; keep the legend off it.
        plot.ShowLegend(train[^1] > train[0] ? Alignment.LowerRight : Alignment.UpperRight);
        FigureStyle.Apply(plot);
        FigureStyle.Title(plot, metric, PanelWidth);
        return plot;
    }

    private static void Curve(Plot plot, double[] x, List<double> y, string label, Color color, LinePattern pattern)
    {
        var scatter = plot.Add.Scatter(x, y.ToArray(), color);
        scatter.LegendText = label;
        scatter.LineWidth = FigureStyle.LineWidth;
        scatter.LinePattern = pattern;
        scatter.MarkerSize = FigureStyle.MarkerSize;
        scatter.MarkerShape = MarkerShape.FilledCircle;
    }

    private static NumericManual EpochTicks(int epochs)
    {
        var ticks = new NumericManual();
        int step = Math.Max(1, (int)Math.Ceiling(epochs / 10.0));
        for (int e = 1; e <= epochs; e += step) ticks.AddMajor(e, e.ToString(CultureInfo.InvariantCulture));
        return ticks;
    }

    private static Plot TitlePlot(string title, int width)
    {
        var plot = new Plot();
        foreach (var axis in plot.Axes.GetAxes()) axis.IsVisible = false;
        plot.HideGrid();
        FigureStyle.Apply(plot);
        FigureStyle.Title(plot, title, width);
        plot.Axes.Title.Label.Bold = true;
        return plot;
    }
}
