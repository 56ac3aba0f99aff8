using TorchSharp;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Backend;

/// <summary>
/// A layer weight: <c>keras.Variable</c>. Trainable variables are torch parameters (autograd tracks them);
/// non-trainable ones (BatchNormalization's moving statistics) are plain tensors updated in place.
/// </summary>
public sealed class Variable
{
    internal Variable(string name, Tensor value, bool trainable, Regularizers.Regularizer? regularizer = null)
    {
        Name = name;
        Trainable = trainable;
        Regularizer = regularizer;
        // Weights outlive any dispose scope they are created in (a deferred build runs inside a training step).
        Value = (trainable ? new TorchSharp.Modules.Parameter(value, requires_grad: true) : value).DetachFromDisposeScope();
    }

    /// <summary>The weight's name within its layer (<c>kernel</c>, <c>bias</c>, <c>gamma</c>, ...).</summary>
    public string Name { get; }

    /// <summary>Whether the optimizer updates it.</summary>
    public bool Trainable { get; }

    /// <summary>The penalty added to the loss for this weight (<c>kernel_regularizer</c>), if any.</summary>
    public Regularizers.Regularizer? Regularizer { get; }

    /// <summary>The tensor itself (stored in torch's layout, e.g. conv kernels as (out, in, kh, kw)).</summary>
    public Tensor Value { get; private set; }

    /// <summary>Number of scalars.</summary>
    public long Size => Value.numel();

    /// <summary>Overwrites the value in place (used by loading and by moving statistics).</summary>
    public void Assign(Tensor value)
    {
        using var _ = no_grad();
        Value.copy_(value);
    }
}
