namespace KerasMnist.Keras.Layers;

public sealed partial class LayersApi
{
    /// <summary><c>keras.layers.Reshape(target_shape)</c>: e.g. <c>Reshape([28, 28, 1])</c> adds a channel axis.</summary>
    public Reshape Reshape(int[] target_shape, string? name = null) => new(target_shape, name);

    /// <summary><c>keras.layers.Rescaling(scale, offset=0.0)</c>: e.g. <c>Rescaling(1.0 / 255)</c>.</summary>
    public Rescaling Rescaling(double scale, double offset = 0.0, string? name = null) => new(scale, offset, name);
}
