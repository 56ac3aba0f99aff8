using KerasMnist.Datasets.Core;
using KerasMnist.Datasets.Data;
using KerasMnist.Keras.Backend;
using KerasMnist.Keras.Callbacks;
using KerasMnist.Keras.Models;
using KerasMnist.Plotting;
using KerasMnist.Tfds;

namespace KerasMnist.Tutorial;

/// <summary>
/// One section of the notebook: its markdown and code cells as one runnable step.
/// A stage declares its command-line name, German title, one-line summary and the stages it needs;
/// <see cref="Run"/> does what the section's cells do, in the same order and with the same names.
/// </summary>
public abstract class Stage
{
    /// <summary>The command-line name, e.g. <c>collect</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The notebook's section title, exactly as written there, e.g. <c>Datensammlung</c>.</summary>
    public abstract string Title { get; }

    /// <summary>The notebook's subsection title when the stage's cells sit under one, e.g. <c>MNIST</c>.</summary>
    public virtual string? Subtitle => null;

    /// <summary>Title and subtitle as one heading: <c>Datensammlung / MNIST</c>.</summary>
    public string Heading => Subtitle is null ? Title : $"{Title} / {Subtitle}";

    /// <summary>One line for <c>list</c>: what the stage does.</summary>
    public abstract string Summary { get; }

    /// <summary>The stages whose variables this one reads (directly); the runner runs them first when needed.</summary>
    public virtual IReadOnlyList<string> Needs => [];

    Session? session;

    /// <summary>The run this stage is executing in; only valid inside <see cref="Run"/>.</summary>
    protected Session Session => session ?? throw new InvalidOperationException($"Stage '{Name}' is not running.");

    /// <summary>The run's options (<c>--epochs</c>, <c>--limit</c>, ...).</summary>
    protected RunOptions Options => Session.Options;

    internal void Execute(Session running)
    {
        session = running;
        try { Run(); }
        finally { session = null; }
    }

    /// <summary>The section's cells.</summary>
    protected abstract void Run();

    // The kernel's variables under the notebook's names, so that a stage's code reads like its cell
    // (`ds_train = ds_train.map(...)`) while the values live on in the kernel for later stages.
    Kernel Kernel => Session.Kernel;

    /// <summary>The kernel's <c>ds_train</c>.</summary>
    protected Dataset ds_train { get => Kernel.ds_train; set => Kernel.ds_train = value; }

    /// <summary>The kernel's <c>ds_valid</c>.</summary>
    protected Dataset ds_valid { get => Kernel.ds_valid; set => Kernel.ds_valid = value; }

    /// <summary>The kernel's <c>ds_test</c>.</summary>
    protected Dataset ds_test { get => Kernel.ds_test; set => Kernel.ds_test = value; }

    /// <summary>The kernel's <c>ds_info</c>.</summary>
    protected DatasetInfo ds_info { get => Kernel.ds_info; set => Kernel.ds_info = value; }

    /// <summary>The kernel's <c>df</c>.</summary>
    protected StyledDataFrame df { get => Kernel.df; set => Kernel.df = value; }

    /// <summary>The kernel's <c>model</c>.</summary>
    protected Model model { get => Kernel.model; set => Kernel.model = value; }

    /// <summary>The kernel's <c>history</c>.</summary>
    protected History history { get => Kernel.history; set => Kernel.history = value; }

    /// <summary>Python's <c>print</c>: the value's text on its own line (an empty line without one).</summary>
    protected void print(object? value = null) => Session.Terminal.WriteLine(value?.ToString() ?? "");

    /// <summary>A markdown cell of the notebook, in the stage's own short words.</summary>
    protected void Markdown(string text)
    {
        Session.Terminal.BlankLine();
        Session.Terminal.WriteLine(text);
        Session.Terminal.WriteLine();
    }

    /// <summary>A <c>## Subsection</c> heading inside the stage.</summary>
    protected void Subheading(string title) => Session.Terminal.Subheading(title);

    /// <summary>An aligned table; <paramref name="headers"/> may be empty for key/value rows.</summary>
    protected void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows) =>
        Session.Terminal.Table(headers, rows);

    /// <summary>The path of a file in the output folder (<c>--output</c>); plots use stable names such as <c>explore_countplot.png</c>.</summary>
    protected string OutputPath(string fileName) => Path.Combine(Options.Output, fileName);

    /// <summary>Says where a file for the output folder was written (where the notebook would show it inline).</summary>
    protected void Saved(string path) => Session.Terminal.WriteLine($"-> {path}");

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

    /// <summary>
    /// Before a training cell: how long it will take on this machine (<see cref="TrainingTime"/>; the notebook runs on
    /// a GPU in Colab, a CPU is slower and a learner should know before waiting).
    /// </summary>
    protected void EstimateTraining(int epochs)
    {
        var estimate = TrainingTime.Measure(model, ds_train, ds_valid);
        Session.Terminal.Note(estimate.Describe(epochs, Engine.DeviceName));
        if (estimate.Epoch > TimeSpan.FromMinutes(1) && Options.Limit is null)
            Session.Terminal.Note("Das dauert auf der CPU Minuten pro Epoche. Für einen schnellen Durchlauf: --epochs 1 --limit 2000.");
    }

    /// <summary>Not in the notebook: the loss and accuracy curves of the last <c>fit</c> (train and validation) as a PNG.</summary>
    protected void PlotHistory(string fileName, string title) => Show(plt.plot_history(history.history, title), fileName);
}
