using System.Runtime.CompilerServices;
using KerasMnist.Datasets.Core;
using KerasMnist.Datasets.Data;
using KerasMnist.Keras.Callbacks;
using KerasMnist.Keras.Models;
using KerasMnist.Tfds;

namespace KerasMnist.Tutorial;

/// <summary>
/// The notebook kernel's state: the variables one cell defines and later cells read, under the
/// notebook's names. Reading a variable no stage has set fails like Python's <c>NameError</c>.
/// A new variable is one line here plus one forwarding line in <see cref="Stage"/>.
/// </summary>
public sealed class Kernel : IDisposable
{
    readonly Dictionary<string, object> variables = [];
    readonly List<string> executed = [];

    /// <summary><c>ds_train</c>: <c>train[:70%]</c> from collect, the batched pipeline after prepare.</summary>
    public Dataset ds_train { get => Get<Dataset>(); set => Set(value); }

    /// <summary><c>ds_valid</c>: <c>train[70%:]</c> from collect, batched after prepare.</summary>
    public Dataset ds_valid { get => Get<Dataset>(); set => Set(value); }

    /// <summary><c>ds_test</c>: <c>test</c> from collect, batched after prepare.</summary>
    public Dataset ds_test { get => Get<Dataset>(); set => Set(value); }

    /// <summary><c>ds_info</c>: the <c>tfds.core.DatasetInfo</c> from collect.</summary>
    public DatasetInfo ds_info { get => Get<DatasetInfo>(); set => Set(value); }

    /// <summary><c>df</c>: the pandas-style table of <c>ds_train</c> from explore (<c>tfds.as_dataframe</c>).</summary>
    public StyledDataFrame df { get => Get<StyledDataFrame>(); set => Set(value); }

    /// <summary><c>model</c>: the current Keras model (build's MLP, then improve's CNN, then applications' ResNet50).</summary>
    public Model model { get => Get<Model>(); set => Set(value); }

    /// <summary><c>history</c>: the <c>History</c> the last <c>model.fit</c> returned.</summary>
    public History history { get => Get<History>(); set => Set(value); }

    /// <summary>The names of the variables defined so far.</summary>
    public IReadOnlyCollection<string> Names => variables.Keys;

    /// <summary>Whether a stage has set <paramref name="name"/>.</summary>
    public bool IsDefined(string name) => variables.ContainsKey(name);

    /// <summary>The stages that ran on this kernel, in order (the notebook's <c>In [n]</c>).</summary>
    public IReadOnlyList<string> Executed => executed;

    internal void MarkExecuted(string stage) => executed.Add(stage);

    T Get<T>([CallerMemberName] string name = "") where T : class =>
        variables.TryGetValue(name, out var value) ? (T)value : throw new NameError(name);

    void Set<T>(T value, [CallerMemberName] string name = "") where T : class =>
        variables[name] = value ?? throw new ArgumentNullException(name, $"{name} cannot be set to null.");

    /// <summary>Releases variables that hold native memory (models, tensors).</summary>
    public void Dispose()
    {
        foreach (var disposable in variables.Values.OfType<IDisposable>().Distinct()) disposable.Dispose();
        variables.Clear();
    }
}
