namespace KerasMnist.Tutorial;

/// <summary>Python's <c>NameError</c>: a stage read a kernel variable that no earlier stage set.</summary>
public sealed class NameError(string name)
    : InvalidOperationException($"name '{name}' is not defined: no stage that ran so far has set it.")
{
    /// <summary>The variable's name.</summary>
    public string Name { get; } = name;
}
