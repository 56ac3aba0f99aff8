using TorchSharp;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Backend;

/// <summary>
/// A layer weight: <c>keras.Variable</c>. Trainable variables are torch parameters (autograd tracks them);
/// non-trainable ones (BatchNormalization's moving statistics) are plain tensors updated in place.
/// </summary>
/// <remarks>
/// <see cref="shape"/>, <see cref="numpy"/> and <see cref="assign"/> speak Keras's layout (Conv2D kernels
/// (kh, kw, in, filters), Dense kernels (in, units)), so weights move between Python Keras and this port unchanged.
/// A layer may keep the tensor it computes with (<see cref="Value"/>) in another axis order when libtorch is faster
/// with it (Conv2D: (filters, in, kh, kw)); this class is the one place that converts between the two.
/// </remarks>
public sealed class Variable
{
    // Storage axis i holds Keras axis toStorage[i]; null when both layouts are the same.
    readonly long[]? toStorage;
    readonly long[]? toKeras;

    internal Variable(string name, Tensor value, bool trainable, Regularizers.Regularizer? regularizer = null, long[]? storageOrder = null)
    {
        Name = name;
        Trainable = trainable;
        Regularizer = regularizer;
        if (storageOrder is not null && !storageOrder.SequenceEqual(Enumerable.Range(0, storageOrder.Length).Select(i => (long)i)))
        {
            if (storageOrder.Length != value.dim() || storageOrder.Order().Select((a, i) => a == i).Any(ok => !ok))
                throw new ArgumentException($"Variable {name}: ({string.Join(", ", storageOrder)}) is not a permutation of its {value.dim()} axes.");
            toStorage = storageOrder;
            toKeras = new long[storageOrder.Length];
            for (int i = 0; i < storageOrder.Length; i++) toKeras[storageOrder[i]] = i;
        }
        // Weights outlive any dispose scope they are created in (a deferred build runs inside a training step).
        Value = (trainable ? new TorchSharp.Modules.Parameter(value, requires_grad: true) : value).DetachFromDisposeScope();
    }

    /// <summary>The weight's name within its layer (<c>kernel</c>, <c>bias</c>, <c>gamma</c>, ...).</summary>
    public string Name { get; }

    /// <summary>Whether the optimizer updates it.</summary>
    public bool Trainable { get; }

    /// <summary>The penalty added to the loss for this weight (<c>kernel_regularizer</c>), if any.</summary>
    public Regularizers.Regularizer? Regularizer { get; }

    /// <summary>
    /// The tensor the layer computes with, in the engine's storage layout: Keras's layout for every built-in weight
    /// except Conv2D's kernel, stored as (filters, in, kh, kw). For Keras's layout use <see cref="numpy"/>,
    /// <see cref="shape"/> and <see cref="assign"/>.
    /// </summary>
    public Tensor Value { get; private set; }

    /// <summary>Number of scalars.</summary>
    public long Size => Value.numel();

    /// <summary><c>variable.shape</c>: the shape in Keras's layout (Conv2D kernel: (kh, kw, in, filters)).</summary>
    public long[] shape => toKeras is null ? Value.shape : toKeras.Select(axis => Value.shape[axis]).ToArray();

    /// <summary><c>variable.numpy()</c>: a copy on the CPU in Keras's layout (Keras returns a numpy array).</summary>
    public Tensor numpy()
    {
        using var _ = no_grad();
        using var keras = ToKeras(Value.detach());
        return keras.cpu().contiguous().clone();
    }

    /// <summary>
    /// <c>variable.assign(value)</c>: overwrites the weight with <paramref name="value"/> given in Keras's layout
    /// (<see cref="shape"/>). Throws <see cref="ArgumentException"/> naming both shapes when they differ.
    /// </summary>
    public void assign(Tensor value)
    {
        if (!value.shape.SequenceEqual(shape))
            throw new ArgumentException(
                $"Cannot assign a value of shape ({string.Join(", ", value.shape)}) to variable \"{Name}\" of shape ({string.Join(", ", shape)}).");
        using var _ = no_grad();
        using var stored = ToStorage(value);
        Value.copy_(stored);
    }

    /// <summary>Overwrites the storage tensor <see cref="Value"/> in place, in its own layout (moving statistics, tests of the engine).</summary>
    public void Assign(Tensor value)
    {
        using var _ = no_grad();
        Value.copy_(value);
    }

    /// <summary>A tensor of this variable's storage layout (its value, an optimizer slot) in Keras's layout; a view.</summary>
    internal Tensor ToKeras(Tensor storage) => storage.permute(toKeras ?? Identity(storage.dim()));

    /// <summary>A tensor in Keras's layout in this variable's storage layout; a view.</summary>
    internal Tensor ToStorage(Tensor keras) => keras.permute(toStorage ?? Identity(keras.dim()));

    // A new view even when the layouts agree, so callers may dispose what they get without touching the original.
    static long[] Identity(long rank) => Enumerable.Range(0, (int)rank).Select(i => (long)i).ToArray();
}
