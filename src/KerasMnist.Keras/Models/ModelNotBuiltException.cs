namespace KerasMnist.Keras.Models;

/// <summary>
/// Raised when an operation needs a model's weights or shapes before the model knows its input shape:
/// the counterpart of the <c>ValueError</c> Keras raises from <c>summary()</c> on such a model.
/// </summary>
public sealed class ModelNotBuiltException : InvalidOperationException
{
    /// <summary>Creates the error for model <paramref name="modelName"/> with Keras's message and a C# hint.</summary>
    public ModelNotBuiltException(string modelName)
        : base("This model has not yet been built. Build the model first by calling `build()` or by calling the model on " +
               $"a batch of data. (Model \"{modelName}\": in C#, model.Build((28, 28, 1)) with the shape of one example, " +
               "model.predict(batch), or give the first layer input_shape:.)")
        => ModelName = modelName;

    /// <summary>The model that is not built.</summary>
    public string ModelName { get; }
}
