using System.Reflection;
using KerasMnist.Keras.Layers;
using static KerasMnist.Keras.KerasApi;

namespace KerasMnist.Tests.Keras.Layers;

/// <summary>
/// Each <c>keras.layers.X(...)</c> takes exactly its layer's constructor arguments (names, types, order, defaults), as it
/// is generated from that constructor: the signature is declared once, in the layer's class.
/// </summary>
public class LayersApiFactoryTests
{
    public static TheoryData<string> Factories => new(typeof(LayersApi).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        .Where(m => typeof(Layer).IsAssignableFrom(m.ReturnType) && m.Name != "InputLayer").Select(m => m.Name).Distinct());

    /// <summary>Other overloads may add Keras's shorter argument forms (ZeroPadding2D(2)); one must be the constructor's.</summary>
    [Theory]
    [MemberData(nameof(Factories))]
    public void The_factory_takes_the_constructors_arguments(string factory)
    {
        var overloads = typeof(LayersApi).GetMethods().Where(m => m.Name == factory).ToList();
        var constructor = overloads[0].ReturnType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        static string Signature(ParameterInfo[] ps) =>
            string.Join(", ", ps.Select(p => $"{p.ParameterType} {p.Name} = {(p.HasDefaultValue ? p.DefaultValue ?? "null" : "-")}"));
        Assert.Contains(Signature(constructor.GetParameters()), overloads.Select(m => Signature(m.GetParameters())));
    }

    [Fact]
    public void Keras_class_names_and_aliases_are_factories()
    {
        Assert.IsType<MaxPooling2D>(keras.layers.MaxPool2D());
        Assert.IsType<ActivationLayer>(keras.layers.Activation("relu"));
        Assert.False(keras.layers.BatchNormalization(trainable: false).trainable);
    }
}
