using KerasMnist.Keras.Utils;
using KerasMnist.Keras.Backend;
using KerasMnist.Keras.Layers;
using KerasMnist.Keras.Models;
using KerasMnist.Keras.Optimizers;
using PureHDF;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Saving;

/// <summary>
/// Keras 3's weights file (<c>model.weights.h5</c> inside a <c>.keras</c> archive, or a <c>.weights.h5</c> file):
/// each layer's variables at <see cref="WeightPaths"/> in Keras's layouts (float32), and the optimizer's at
/// <c>optimizer/vars</c>: 0 the iteration count (int64 scalar), 1 the learning rate (float32 scalar), then Adam's
/// momentum and velocity for each trainable variable in <c>model.trainable_weights</c> order. Reading checks every
/// count and shape against the model before assigning anything.
/// </summary>
internal static class KerasWeights
{
    /// <summary>The file's contents for <paramref name="model"/> (with the optimizer's variables when it has an optimizer).</summary>
    public static H5File Build(Model model)
    {
        var file = new H5File { ["vars"] = new H5Group() };
        foreach (var (path, layer) in WeightPaths.Of(model))
        {
            var vars = new H5Group();
            var own = WeightPaths.OwnVariables(layer);
            for (int i = 0; i < own.Count; i++)
            {
                using var value = own[i].numpy();
                vars[$"{i}"] = Dataset(value, $"{path}/{own[i].Name}");
            }
            Ensure(file, path)["vars"] = vars;
        }
        if (model.optimizer is { } optimizer) Ensure(file, "optimizer")["vars"] = OptimizerVariables(model, optimizer);
        return file;
    }

    /// <summary>Keras's optimizer variables; only the iteration count and learning rate before the first update, as Keras.</summary>
    static H5Group OptimizerVariables(Model model, Optimizer optimizer)
    {
        var vars = new H5Group
        {
            ["0"] = new H5Dataset<long>(optimizer.iterations),
            ["1"] = new H5Dataset<float>(optimizer.learning_rate),
        };
        var trainable = model.trainable_weights.ToList();
        var slots = trainable.Select(optimizer.SlotValues).ToList();
        // A trainable variable the optimizer never updated (flags changed after the last fit) has no state to save.
        if (optimizer.iterations == 0 || slots.Any(s => s is null)) return vars;
        int index = 2;
        for (int i = 0; i < trainable.Count; i++)
            foreach (var slot in slots[i]!)
            {
                using var scope = NewDisposeScope();
                vars[$"{index++}"] = Dataset(trainable[i].ToKeras(slot.detach()).cpu().contiguous(), $"optimizer/{trainable[i].Name}");
            }
        return vars;
    }

    static H5Dataset Dataset(Tensor value, string what)
    {
        if (value.dtype != ScalarType.Float32)
            throw new NotSupportedException($"Cannot save {what}: only float32 weights are supported, it is {value.dtype}.");
        var data = value.data<float>().ToArray();
        return new H5Dataset(data, fileDims: value.shape.Select(d => (ulong)d).ToArray());
    }

    static H5Group Ensure(H5Group root, string path)
    {
        var group = root;
        foreach (var part in path.Split('/'))
        {
            if (!group.TryGetValue(part, out var child)) group[part] = child = new H5Group();
            group = (H5Group)child;
        }
        return group;
    }

    /// <summary>
    /// Assigns the file's weights to <paramref name="model"/> (built from the same config), and the optimizer's state to its
    /// optimizer when <paramref name="withOptimizer"/>. Everything is read and checked before anything is assigned.
    /// </summary>
    public static void Read(Model model, IH5Group root, bool withOptimizer, string what)
    {
        // tf.keras 2.13-2.15 wrote .keras files with their layers under _layer_checkpoint_dependencies (Keras 3 reads them too).
        string top = Hdf5.Group(root, "layers", what) is null && Hdf5.Group(root, "_layer_checkpoint_dependencies", what) is not null
            ? "_layer_checkpoint_dependencies" : "layers";
        var assignments = new List<(Variable variable, Tensor value)>();
        var visited = new HashSet<string>();
        foreach (var (path, layer) in WeightPaths.Of(model))
        {
            var filePath = top + path["layers".Length..];
            visited.Add(filePath);
            var own = WeightPaths.OwnVariables(layer);
            var vars = Hdf5.Group(root, filePath + "/vars", what);
            var count = vars is null ? 0 : Hdf5.Guard(() => vars.Children().Count(), what);
            if (count != own.Count)
                throw new InvalidDataException(
                    $"{what} has {count} weights for layer \"{layer.name}\" ({layer.ClassName}) at {filePath}/vars, but the config's layer has " +
                    $"{own.Count} ({string.Join(", ", own.Select(v => v.Name))}). The weights do not belong to this architecture.");
            for (int i = 0; i < own.Count; i++)
                assignments.Add((own[i], ReadChecked(vars!, $"{i}", own[i].shape, $"{what}, {filePath}/vars/{i} ({layer.name}/{own[i].Name})")));
        }
        RejectUnknownLayers(root, top, visited, what);
        var optimizerState = withOptimizer && model.optimizer is Adam adam ? ReadOptimizer(model, adam, root, what) : null;
        foreach (var (variable, value) in assignments)
        {
            variable.assign(value);
            value.Dispose();
        }
        if (optimizerState is var (iterations, learningRate, state))
        {
            model.optimizer!.learning_rate = learningRate;
            model.optimizer.RestoreState(iterations, state);
        }
    }

    static Tensor ReadChecked(IH5Group vars, string name, long[] expected, string where)
    {
        var dataset = Hdf5.Guard(() => vars.LinkExists(name) ? vars.Get(name) as IH5Dataset : null, where)
            ?? throw new InvalidDataException($"{where} is missing.");
        var shape = Hdf5.Shape(dataset);
        if (!shape.SequenceEqual(expected))
            throw new InvalidDataException(
                $"{where} has shape ({string.Join(", ", shape)}), but the config's layer needs ({string.Join(", ", expected)}): " +
                "the weights do not fit the architecture.");
        return Hdf5.ReadFloat(dataset, where);
    }

    /// <summary>A weights group the model has no layer for means the file and the config disagree.</summary>
    static void RejectUnknownLayers(IH5Group root, string top, HashSet<string> visited, string what)
    {
        void Walk(IH5Group group, string path)
        {
            foreach (var child in Hdf5.Guard(() => group.Children().ToList(), what))
            {
                if (child is not IH5Group sub || child.Name == "vars") continue;
                var childPath = $"{path}/{child.Name}";
                if (!visited.Contains(childPath) && Hdf5.Group(sub, "vars", what) is { } vars && Hdf5.Guard(() => vars.Children().Any(), what))
                    throw new InvalidDataException($"{what} has weights at {childPath}/vars for a layer the config does not describe.");
                if (Hdf5.Group(sub, "layers", what) is { } nested) Walk(nested, childPath + "/layers");
            }
        }
        if (Hdf5.Group(root, top, what) is { } layers) Walk(layers, top);
    }

    static (long iterations, float learningRate, List<(Variable, Tensor[])> state)? ReadOptimizer(Model model, Adam adam, IH5Group root, string what)
    {
        var vars = Hdf5.Group(root, "optimizer/vars", what);
        if (vars is null) return null;
        var trainable = model.trainable_weights.ToList();
        int count = Hdf5.Guard(() => vars.Children().Count(), what);
        // Keras saves only the iteration count and learning rate before the optimizer's first update, and skips
        // (with a warning) a state that does not match the model's variables; so does this loader.
        if (count != 2 + adam.SlotNames.Count * trainable.Count)
        {
            if (count != 2)
                io_utils.print_msg(
                    $"Warning: {what}: the saved optimizer has {count} variables, but Adam on this model has " +
                    $"{2 + adam.SlotNames.Count * trainable.Count}; it starts afresh, as Keras does.");
            return null;
        }
        string Where(int i) => $"{what}, optimizer/vars/{i}";
        var iterations = Hdf5.ReadInteger(Hdf5.Guard(() => (IH5Dataset)vars.Get("0"), Where(0)), Where(0));
        using var rate = ReadChecked(vars, "1", [], Where(1));
        var state = new List<(Variable, Tensor[])>();
        int index = 2;
        foreach (var variable in trainable)
        {
            var slots = new Tensor[adam.SlotNames.Count];
            for (int k = 0; k < slots.Length; k++, index++)
            {
                using var keras = ReadChecked(vars, $"{index}", variable.shape, $"{Where(index)} ({adam.SlotNames[k]} of {variable.Name})");
                using var stored = variable.ToStorage(keras);
                slots[k] = stored.to(variable.Value.device).clone().DetachFromDisposeScope();
            }
            state.Add((variable, slots));
        }
        return (iterations, rate.item<float>(), state);
    }
}
