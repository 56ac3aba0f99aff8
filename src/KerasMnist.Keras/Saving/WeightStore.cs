using System.Text.Json.Nodes;
using KerasMnist.Keras.Backend;
using KerasMnist.Keras.Layers;
using KerasMnist.Keras.Models;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Saving;

/// <summary>
/// A model's weights as one <see cref="TensorBlob"/> (the role of Keras's <c>model.weights.h5</c>): every weight of
/// every layer, in layer order and <c>layer.weights</c> order, in the engine's layout (conv kernels
/// (filters, in, kh, kw), dense kernels (in, units)), each under its layer path (<c>resnet50/conv1_conv</c> inside
/// nested models) and name.
/// </summary>
internal static class WeightStore
{
    /// <summary>Every layer that can own weights, with its path of names from the top model.</summary>
    internal static IEnumerable<(string path, Layer layer)> Leaves(Model model, string prefix = "")
    {
        foreach (var layer in model.layers.Distinct())
        {
            var path = prefix + layer.name;
            if (layer is Model inner)
                foreach (var leaf in Leaves(inner, path + "/")) yield return leaf;
            else
                yield return (path, layer);
        }
    }

    /// <summary>Writes the blob to <paramref name="blob"/> and returns its manifest.</summary>
    public static JsonObject Write(Model model, Stream blob) =>
        TensorBlob.Write(Leaves(model).SelectMany(l => l.layer.weights.Select(v => (l.path, v.Name, v.Value))), blob);

    /// <summary>
    /// Reads the blob for <paramref name="model"/> (built from the same config) and assigns every weight. All
    /// weights are read and the checksum verified before any is assigned.
    /// </summary>
    public static void Read(Model model, JsonObject manifest, Stream blob)
    {
        var targets = Leaves(model).SelectMany(l => l.layer.weights.Select(v => (l.path, v))).ToList();
        var values = TensorBlob.Read(manifest, blob, targets.Select(t => new TensorBlob.Slot(t.path, t.v.Name, t.v.Value.shape)).ToList(),
            "weights", "weight");
        for (int i = 0; i < targets.Count; i++)
        {
            using var t = tensor(values[i], targets[i].v.Value.shape);
            targets[i].v.Assign(t);
        }
    }
}
