using KerasMnist.Plotting;

namespace KerasMnist.Tutorial;

// Where the notebook shows a figure inline, a console program writes a file to the output folder
// (--output) under a stable name and prints its path.
public abstract partial class Stage
{
    /// <summary>The path of a file in the output folder (<c>--output</c>); plots use stable names such as <c>explore_countplot.png</c>.</summary>
    protected string OutputPath(string fileName) => Path.Combine(Options.Output, fileName);

    /// <summary>Says where a file for the output folder was written (where the notebook would show it inline).</summary>
    protected void Saved(string path) => Session.Terminal.Saved(path);

    /// <summary>
    /// <c>plt.show()</c>: a console shows no figures inline, so <paramref name="figure"/> is saved to the output folder
    /// as <paramref name="fileName"/> (a stable name such as <c>explore_countplot.png</c>), its path printed, and it is disposed.
    /// </summary>
    protected string Show(Figure figure, string fileName)
    {
        using (figure)
        {
            var path = OutputPath(fileName);
            figure.savefig(path);
            Saved(path);
            return path;
        }
    }

    /// <summary>Not in the notebook: the loss and accuracy curves of the last <c>fit</c> (train and validation) as a PNG.</summary>
    protected void PlotHistory(string fileName, string title) => Show(plt.plot_history(history.history, title), fileName);
}
