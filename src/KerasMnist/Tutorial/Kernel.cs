namespace KerasMnist.Tutorial;

/// <summary>
/// The notebook kernel's state: the variables one cell defines and later cells read, by the notebook's
/// names, and the stages that ran. Reading a variable no stage has set fails like Python's
/// <c>NameError</c>. The variables themselves are declared once, as properties of <see cref="Stage"/>.
/// </summary>
public sealed class Kernel : IDisposable
{
    readonly Dictionary<string, object> variables = [];
    readonly List<string> executed = [];

    /// <summary>The value of variable <paramref name="name"/>.</summary>
    /// <exception cref="NameError">No stage has set it.</exception>
    /// <exception cref="InvalidCastException">It holds a value of another type (a bug in a stage).</exception>
    public T Get<T>(string name) where T : class =>
        variables.TryGetValue(name, out var value) ? (T)value : throw new NameError(name);

    /// <summary>Binds <paramref name="name"/> to <paramref name="value"/>, as a cell's assignment does.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null: a variable is either set or undefined.</exception>
    public void Set<T>(string name, T value) where T : class =>
        variables[name] = value ?? throw new ArgumentNullException(name, $"{name} cannot be set to null.");

    /// <summary>The names of the variables defined so far.</summary>
    public IReadOnlyCollection<string> Names => variables.Keys;

    /// <summary>Whether a stage has set <paramref name="name"/>.</summary>
    public bool IsDefined(string name) => variables.ContainsKey(name);

    /// <summary>The stages that ran on this kernel, in order (the notebook's <c>In [n]</c>).</summary>
    public IReadOnlyList<string> Executed => executed;

    internal void MarkExecuted(string stage) => executed.Add(stage);

    /// <summary>Releases variables that hold native memory (models, tensors).</summary>
    public void Dispose()
    {
        foreach (var disposable in variables.Values.OfType<IDisposable>().Distinct()) disposable.Dispose();
        variables.Clear();
    }
}
