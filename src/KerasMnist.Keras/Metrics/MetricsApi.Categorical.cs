namespace KerasMnist.Keras;

public sealed partial class MetricsApi
{
    /// <summary><c>keras.metrics.CategoricalAccuracy()</c>: accuracy against one-hot labels.</summary>
    public Metrics.CategoricalAccuracy CategoricalAccuracy(string name = "categorical_accuracy") => new(name);
}
