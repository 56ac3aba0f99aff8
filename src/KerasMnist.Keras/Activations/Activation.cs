using TorchSharp;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Activations;

/// <summary>
/// An activation function, by Keras name (<c>"relu"</c>) or object (<c>keras.activations.Relu</c>).
/// Counterpart of <c>keras.activations</c>; a string converts implicitly, so <c>activation: "relu"</c> compiles.
/// </summary>
public sealed class Activation
{
    readonly Func<Tensor, Tensor> fn;

    Activation(string name, Func<Tensor, Tensor> fn)
    {
        this.name = name;
        this.fn = fn;
    }

    /// <summary>The Keras name (<c>relu</c>, <c>softmax</c>, ...).</summary>
    public string name { get; }

    /// <summary>Applies the function to a tensor in Keras's layout (softmax over its last axis, the channels of an image).</summary>
    public Tensor Call(Tensor x) => fn(x);

    /// <summary><c>relu</c>.</summary>
    public static readonly Activation Relu = new("relu", x => nn.functional.relu(x));
    /// <summary><c>softmax</c> over the last Keras axis.</summary>
    public static readonly Activation Softmax = new("softmax", x => nn.functional.softmax(x, -1));
    /// <summary><c>sigmoid</c>.</summary>
    public static readonly Activation Sigmoid = new("sigmoid", x => x.sigmoid());
    /// <summary><c>tanh</c>.</summary>
    public static readonly Activation Tanh = new("tanh", x => x.tanh());
    /// <summary><c>linear</c> (also what <c>activation: null</c> means).</summary>
    public static readonly Activation Linear = new("linear", x => x);

    static readonly Activation[] all = [Relu, Softmax, Sigmoid, Tanh, Linear];

    /// <summary><c>keras.activations.get(name)</c>; unknown names list the valid ones.</summary>
    public static Activation Get(string? name)
    {
        if (name is null) return Linear;
        return all.FirstOrDefault(a => a.name == name)
            ?? throw new ArgumentException(
                $"Unknown activation function '{name}'. Valid names: {string.Join(", ", all.Select(a => a.name))}.");
    }

#pragma warning disable CS1591
    public static implicit operator Activation(string name) => Get(name);
#pragma warning restore CS1591

    /// <inheritdoc/>
    public override string ToString() => name;
}
