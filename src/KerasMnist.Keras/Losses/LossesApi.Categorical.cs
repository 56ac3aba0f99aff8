namespace KerasMnist.Keras;

public sealed partial class LossesApi
{
    /// <summary><c>keras.losses.CategoricalCrossentropy(from_logits)</c>: for one-hot labels (see <c>keras.utils.to_categorical</c>).</summary>
    public Losses.CategoricalCrossentropy CategoricalCrossentropy(bool from_logits = false, string name = "categorical_crossentropy")
        => new(from_logits, name);
}
