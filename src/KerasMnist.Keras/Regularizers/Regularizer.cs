using static TorchSharp.torch;

namespace KerasMnist.Keras.Regularizers;

/// <summary><c>keras.regularizers.Regularizer</c>: a penalty on a weight, added to the training loss.</summary>
public abstract class Regularizer
{
    /// <summary>The penalty for <paramref name="weight"/> (a scalar tensor).</summary>
    public abstract Tensor Call(Tensor weight);
}

/// <summary>
/// <c>keras.regularizers.L2</c>: <c>l2 · Σ w²</c>, no ½ and not divided by the batch size, added once per
/// step to the batch-mean loss and included in the reported <c>loss</c> and <c>val_loss</c>, as Keras does.
/// </summary>
public sealed class L2 : Regularizer
{
    /// <summary>Creates the penalty with factor <paramref name="l2"/> (Keras's default 0.01).</summary>
    public L2(float l2 = 0.01f)
    {
        if (!(l2 >= 0) || float.IsInfinity(l2))
            throw new ArgumentException($"l2 must be a finite number >= 0, got {l2}.");
        this.l2 = l2;
    }

    /// <summary>The factor.</summary>
    public float l2 { get; }

    /// <inheritdoc/>
    public override Tensor Call(Tensor weight) => weight.square().sum().mul(l2);
}
