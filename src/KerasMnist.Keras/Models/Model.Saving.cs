using KerasMnist.Keras.Saving;

namespace KerasMnist.Keras.Models;

public abstract partial class Model
{
    /// <summary>
    /// <c>model.save(filepath)</c>: architecture, weights, compile configuration and the optimizer's state in one
    /// <c>.keras</c> file in Keras 3's format, which Python Keras 3 loads with <c>keras.models.load_model</c>: a zip with
    /// <c>metadata.json</c>, <c>config.json</c> and <c>model.weights.h5</c> (HDF5, weights in Keras's layouts such as
    /// (kh, kw, in, filters) for Conv2D kernels; Adam's iteration count and moments after training), so a loaded model
    /// continues training exactly where the saved one stopped. Written to a temporary file and renamed, so a failed save
    /// leaves nothing behind.
    /// </summary>
    /// <param name="filepath">Target path ending in <c>.keras</c> (else <see cref="ArgumentException"/>).</param>
    /// <param name="overwrite">Whether an existing file may be replaced (else <see cref="IOException"/>).</param>
    /// <exception cref="NotSupportedException">A layer's config or a weight (not float32) cannot be written; nothing is written.</exception>
    public void save(string filepath, bool overwrite = true) => ModelFiles.Save(this, filepath, overwrite);

    /// <summary>
    /// <c>model.save_weights(filepath)</c>: the weights (and the optimizer's state) in Keras 3's <c>.weights.h5</c> format,
    /// the same HDF5 layout as inside a <c>.keras</c> file; <see cref="load_weights"/> and Python Keras read it back into a
    /// model of the same architecture.
    /// </summary>
    /// <param name="filepath">Target path ending in <c>.weights.h5</c>.</param>
    /// <param name="overwrite">Whether an existing file may be replaced.</param>
    public void save_weights(string filepath, bool overwrite = true) => ModelFiles.SaveWeights(this, filepath, overwrite);

    /// <summary>
    /// <c>model.load_weights(filepath)</c>: the weights of a <c>.weights.h5</c> file (Keras 3), a <c>.keras</c> archive,
    /// or tf.keras 2's <c>.h5</c> weights or model file, into this model, which must have the same architecture; the
    /// optimizer's state too when the file has it and the model is compiled with Adam. Every count and shape is checked
    /// before anything is assigned: a mismatch raises <see cref="InvalidDataException"/> naming the file, layer and shapes.
    /// </summary>
    public void load_weights(string filepath) => ModelFiles.LoadWeights(this, filepath);

    /// <summary>
    /// <c>model.to_json()</c>: the architecture as Keras 3's JSON (no weights); <c>keras.models.model_from_json</c> rebuilds it.
    /// </summary>
    public string to_json() => LayerSerialization.serialize(this).ToJsonString();
}
