using System.Reflection;

namespace KerasMnist.Tutorial;

/// <summary>
/// A stage's metadata, declared once on its class: the command-line name, the notebook's (German) section
/// title and subsection title, one line for <c>list</c>, the stages whose variables it reads, and for a
/// training stage the epochs the notebook trains for. <see cref="StageRunner"/> checks <see cref="Needs"/>
/// when the program starts, so a wrong dependency fails before any stage runs.
/// </summary>
/// <param name="name">The command-line name, e.g. <c>collect</c>.</param>
/// <param name="title">The notebook's section title, exactly as written there, e.g. <c>Datensammlung</c>.</param>
/// <param name="summary">One line for <c>list</c>: what the stage does.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class StageAttribute(string name, string title, string summary) : Attribute
{
    /// <summary>The command-line name, e.g. <c>collect</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The notebook's section title, exactly as written there, e.g. <c>Datensammlung</c>.</summary>
    public string Title { get; } = title;

    /// <summary>One line for <c>list</c>: what the stage does.</summary>
    public string Summary { get; } = summary;

    /// <summary>The notebook's subsection title when the stage's cells sit under one, e.g. <c>MNIST</c>.</summary>
    public string? Subtitle { get; set; }

    /// <summary>The stages whose variables this one reads (directly); the runner runs them first when needed.</summary>
    public Type[] Needs { get; set; } = [];

    /// <summary>
    /// The epochs the notebook's <c>model.fit</c> cell trains for (0: the stage does not train).
    /// <c>--epochs</c> overrides it; this is the one place the notebook's value is written.
    /// </summary>
    public int Epochs { get; set; }

    /// <summary>Title and subtitle as one heading: <c>Datensammlung / MNIST</c>.</summary>
    public string Heading => Subtitle is null ? Title : $"{Title} / {Subtitle}";

    /// <summary>The metadata declared on <paramref name="stageType"/>, or null when it has none.</summary>
    public static StageAttribute? Find(Type stageType) => stageType.GetCustomAttribute<StageAttribute>(inherit: false);

    /// <summary>The metadata declared on <paramref name="stageType"/>.</summary>
    /// <exception cref="InvalidOperationException">The class has no <c>[Stage(...)]</c>.</exception>
    public static StageAttribute Of(Type stageType) =>
        Find(stageType) ?? throw new InvalidOperationException(
            $"{stageType.Name} has no [Stage(name, title, summary)] attribute: every stage declares its metadata there.");
}
