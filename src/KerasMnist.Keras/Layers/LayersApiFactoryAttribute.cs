namespace KerasMnist.Keras.Layers;

/// <summary>
/// Marks a layer class whose <c>keras.layers</c> factory is written at compile time from its public constructor (the
/// one with the most parameters) by KerasMnist.Keras.Generators: <c>keras.layers.Dense(...)</c> takes exactly
/// <c>new Dense(...)</c>'s arguments, declared once, on the constructor. <paramref name="names"/> are the factory names
/// (Keras's class name and aliases); none means the C# class name.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class LayersApiFactoryAttribute(params string[] names) : Attribute
{
    /// <summary>The factory names, e.g. <c>MaxPooling2D</c> and its alias <c>MaxPool2D</c>.</summary>
    public string[] Names { get; } = names;
}
