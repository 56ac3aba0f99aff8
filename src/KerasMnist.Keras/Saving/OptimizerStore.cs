using System.Text.Json.Nodes;
using KerasMnist.Keras.Backend;
using KerasMnist.Keras.Models;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Saving;

/// <summary>
/// The optimizer's state in a <c>.keras</c> file, as Keras 3 keeps its optimizer variables beside the weights: the
/// iteration count and, for every trainable weight, the optimizer's tensors for it (Adam: momentum and velocity),
/// under the weight's layer path as <c>momentum/kernel</c> and so on. A loaded and compiled model then trains on
/// exactly as the saved one would have.
/// </summary>
internal static class OptimizerStore
{
    static List<(string path, Variable variable)> Trainable(Model model) =>
        WeightStore.Leaves(model).SelectMany(l => l.layer.trainable_weights.Select(v => (l.path, v))).ToList();

    /// <summary>
    /// The state to save, or null when there is none: no optimizer, no update yet, or a trainable weight the
    /// optimizer has never updated (trainable flags changed after the last fit), which Keras would hold as zeros.
    /// </summary>
    public static (JsonObject header, List<(string layer, string name, Tensor value)> tensors)? Capture(Model model)
    {
        if (model.optimizer is not { iterations: > 0 } optimizer || optimizer.SlotNames.Count == 0) return null;
        var tensors = new List<(string, string, Tensor)>();
        foreach (var (path, variable) in Trainable(model))
        {
            if (optimizer.SlotValues(variable) is not { } values) return null;
            for (int k = 0; k < values.Length; k++) tensors.Add((path, $"{optimizer.SlotNames[k]}/{variable.Name}", values[k]));
        }
        return (new JsonObject { ["optimizer"] = optimizer.name, ["iterations"] = optimizer.iterations }, tensors);
    }

    /// <summary>Writes captured state; the manifest carries the optimizer's name and iteration count.</summary>
    public static JsonObject Write((JsonObject header, List<(string layer, string name, Tensor value)> tensors) state, Stream blob)
    {
        var manifest = TensorBlob.Write(state.tensors, blob);
        foreach (var (key, value) in state.header) manifest[key] = value?.DeepClone();
        return manifest;
    }

    /// <summary>Reads the state into the loaded model's (freshly compiled) optimizer; everything is checked first.</summary>
    public static void Read(Model model, JsonObject manifest, Stream blob)
    {
        var optimizer = model.optimizer!;
        var saved = manifest["optimizer"]?.GetValue<string>();
        if (saved != optimizer.name)
            throw new InvalidDataException($"the optimizer state is {saved ?? "unnamed"}'s, but the compile config's optimizer is {optimizer.name}.");
        long iterations = manifest["iterations"]?.GetValue<long>() ?? throw new InvalidDataException("the optimizer state has no iteration count.");
        var trainable = Trainable(model);
        var names = optimizer.SlotNames;
        var expected = trainable.SelectMany(t => names.Select(n => new TensorBlob.Slot(t.path, $"{n}/{t.variable.Name}", t.variable.Value.shape))).ToList();
        var values = TensorBlob.Read(manifest, blob, expected, "optimizer state", "optimizer tensor");
        var state = trainable.Select((t, i) => (t.variable, names.Select((_, k) =>
            tensor(values[i * names.Count + k], t.variable.Value.shape).to(t.variable.Value.device).DetachFromDisposeScope()).ToArray())).ToList();
        optimizer.RestoreState(iterations, state);
    }
}
