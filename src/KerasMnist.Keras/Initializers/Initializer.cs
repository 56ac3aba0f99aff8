using TorchSharp;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Initializers;

/// <summary>
/// <c>keras.initializers.Initializer</c>. Values are drawn from torch's global generator, so
/// <c>keras.utils.set_random_seed</c> (<see cref="UtilsApi.set_random_seed"/>) makes them reproducible.
/// </summary>
public abstract class Initializer
{
    /// <summary>Creates a float32 tensor of <paramref name="shape"/>; <paramref name="fans"/> as Keras computes them for the weight.</summary>
    public abstract Tensor Create(long[] shape, (long fanIn, long fanOut) fans);

    /// <summary>Resolves Keras's string names (<c>glorot_uniform</c>, <c>zeros</c>, <c>ones</c>).</summary>
    public static Initializer Get(string name) => name switch
    {
        "glorot_uniform" => new GlorotUniform(),
        "zeros" => new Zeros(),
        "ones" => new Ones(),
        _ => throw new ArgumentException($"Unknown initializer '{name}'. Valid names: glorot_uniform, zeros, ones."),
    };
}

/// <summary><c>keras.initializers.GlorotUniform</c>: U(−L, L) with L = √(6 / (fan_in + fan_out)); Keras's default kernel initializer.</summary>
public sealed class GlorotUniform : Initializer
{
    /// <inheritdoc/>
    public override Tensor Create(long[] shape, (long fanIn, long fanOut) fans)
    {
        double limit = Math.Sqrt(6.0 / (fans.fanIn + fans.fanOut));
        using var _ = no_grad();
        return empty(shape, float32).uniform_(-limit, limit);
    }
}

/// <summary><c>keras.initializers.Zeros</c>: Keras's default bias initializer.</summary>
public sealed class Zeros : Initializer
{
    /// <inheritdoc/>
    public override Tensor Create(long[] shape, (long fanIn, long fanOut) fans) => zeros(shape, float32);
}

/// <summary><c>keras.initializers.Ones</c>.</summary>
public sealed class Ones : Initializer
{
    /// <inheritdoc/>
    public override Tensor Create(long[] shape, (long fanIn, long fanOut) fans) => ones(shape, float32);
}
