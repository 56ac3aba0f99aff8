using KerasMnist.Keras.Saving;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Models;

public abstract partial class Model
{
    /// <summary>
    /// <c>model.save(filepath)</c>: architecture, weights and compile configuration in one <c>.keras</c> file that
    /// <c>keras.models.load_model</c> reads back. The file is a zip laid out like Keras 3's native format
    /// (<c>metadata.json</c>, <c>config.json</c>, then <c>model.weights.bin</c> with raw float32 weights and
    /// <c>model.weights.json</c> describing them with a SHA-256) instead of an HDF5 weights file; Python Keras cannot
    /// read it. After training, the optimizer's state goes in too (<c>optimizer.weights.bin</c>: Adam's iteration count
    /// and moments, as Keras saves its optimizer variables), so a loaded model continues training exactly where the
    /// saved one stopped. It is written under a temporary name and renamed, so a failed save leaves nothing behind.
    /// </summary>
    /// <param name="filepath">Target path ending in <c>.keras</c>.</param>
    /// <param name="overwrite">Whether an existing file may be replaced.</param>
    public void save(string filepath, bool overwrite = true) => KerasArchive.Save(this, filepath, overwrite);

    /// <summary>
    /// <c>model.to_json()</c>: the architecture as JSON (no weights); <c>keras.models.model_from_json</c> rebuilds it.
    /// </summary>
    public string to_json() => LayerSerialization.serialize(this).ToJsonString();

    /// <summary>
    /// Keras's <c>model.get_weights()</c> (C# reserves <c>get_weights</c> for the <see cref="weights"/> property's
    /// getter, hence the .NET name): copies of every weight on the CPU, in <see cref="weights"/> order (Keras returns
    /// numpy arrays). Kernels are in the engine's layout (conv kernels (filters, in, kh, kw)).
    /// </summary>
    public List<Tensor> GetWeights()
    {
        using var _ = no_grad();
        return weights.Select(v => v.Value.detach().cpu().clone()).ToList();
    }

    /// <summary>
    /// Keras's <c>model.set_weights(weights)</c> (named like <see cref="GetWeights"/>, its counterpart): overwrites every
    /// weight, in <see cref="GetWeights"/>'s order and shapes.
    /// </summary>
    public void SetWeights(IReadOnlyList<Tensor> weights)
    {
        var targets = this.weights;
        if (weights.Count != targets.Count)
            throw new ArgumentException(
                $"SetWeights got {weights.Count} arrays, but model \"{name}\" has {targets.Count} weights. Pass the list GetWeights() returns.");
        for (int i = 0; i < targets.Count; i++)
            if (!weights[i].shape.SequenceEqual(targets[i].Value.shape))
                throw new ArgumentException(
                    $"SetWeights: weight {i} ({targets[i].Name}) of model \"{name}\" has shape ({string.Join(", ", targets[i].Value.shape)}), " +
                    $"but the array given has shape ({string.Join(", ", weights[i].shape)}).");
        for (int i = 0; i < targets.Count; i++) targets[i].Assign(weights[i]);
    }
}
