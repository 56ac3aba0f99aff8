using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace KerasMnist.Plotting;

/// <summary>The bar chart behind <see cref="sns.countplot(Microsoft.Data.Analysis.DataFrame, string, IReadOnlyList{string}?)"/>.</summary>
public static class CountPlot
{
    /// <summary>Figure width in pixels.</summary>
    public const int Width = 1000;

    /// <summary>Figure height in pixels.</summary>
    public const int Height = 600;

    /// <summary>Counts <paramref name="values"/> per category and draws one bar per category.</summary>
    public static Figure Draw(long[] values, string xlabel, IReadOnlyList<string>? classNames)
    {
        if (values.Length == 0) throw new ArgumentException("countplot got no values to count.", nameof(values));
        var (categories, names) = Categories(values, classNames);
        var counts = new Dictionary<long, long>();
        foreach (var v in values) counts[v] = counts.GetValueOrDefault(v) + 1;

        var plot = new Plot();
        var bars = categories.Select((category, i) => new Bar
        {
            Position = i,
            Value = counts.GetValueOrDefault(category),
            FillColor = FigureStyle.C0,
            LineWidth = 0,
            Label = counts.GetValueOrDefault(category).ToString(CultureInfo.InvariantCulture),
        }).ToArray();
        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = FigureStyle.AnnotationSize;
        barPlot.ValueLabelStyle.FontName = FigureStyle.FontFamily;

        var ticks = new NumericManual();
        for (int i = 0; i < names.Length; i++) ticks.AddMajor(i, names[i]);
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Left.TickGenerator = FigureStyle.PlainTicks(8);
        plot.XLabel(xlabel);
        plot.YLabel("count");
        plot.Axes.SetLimitsX(-0.6, categories.Length - 0.4);
        plot.Axes.SetLimitsY(0, bars.Max(b => b.Value) * 1.12);
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        FigureStyle.Apply(plot);
        return new Figure(plot, Width, Height);
    }

    // seaborn orders numeric categories ascending; with class names every class id gets a bar.
    private static (long[] categories, string[] names) Categories(long[] values, IReadOnlyList<string>? classNames)
    {
        if (classNames is null)
        {
            var sorted = values.Distinct().Order().ToArray();
            return (sorted, sorted.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray());
        }
        foreach (var v in values)
            if (v < 0 || v >= classNames.Count)
                throw new ArgumentException($"Label {v} has no name: {classNames.Count} class names were given (ids 0..{classNames.Count - 1}).", nameof(classNames));
        return (Enumerable.Range(0, classNames.Count).Select(i => (long)i).ToArray(), classNames.ToArray());
    }
}
