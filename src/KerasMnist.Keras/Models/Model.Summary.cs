using KerasMnist.Keras.Backend;
using KerasMnist.Keras.Layers;
using KerasMnist.Keras.Utils;

namespace KerasMnist.Keras.Models;

public abstract partial class Model
{
    /// <summary>
    /// <c>model.summary(line_length, positions, print_fn)</c> in tf.keras 2.13–2.15's table layout.
    /// </summary>
    /// <remarks>
    /// <para>Sequential-like models (a <see cref="Sequential"/>, or a functional chain where every layer is called
    /// once on one input) print 65 characters wide with columns ending at 45 %, 85 % and 100 %; other functional
    /// models print 98 wide with a fourth column, <c>Connected to</c>, listing inputs as <c>['input_1[0][0]']</c>.
    /// A Sequential has no InputLayer row; a functional model lists its input as <c>[(None, 28, 28, 1)]</c>, as
    /// Keras 2 does. Shapes are channels-last with the batch as <c>None</c>; cells wider than their column wrap
    /// onto the next line (<c>max_pooling2d (MaxPooling2</c> / <c>D)</c>).</para>
    /// <para>Totals follow tf.keras 2.13–2.15 exactly: counts without thousands separators, followed by the
    /// weights' memory size (<c>Total params: 101770 (397.54 KB)</c>). Keras ≤ 2.12 printed <c>101,770</c> without
    /// the size, Keras 3 prints both and, after training, optimizer variables; neither is reproduced.</para>
    /// </remarks>
    /// <param name="line_length">Total width of each line; -1 for Keras's default (65, or 98 with connections).</param>
    /// <param name="positions">Where each column ends, relative to the line length (all ≤ 1) or absolute.</param>
    /// <param name="print_fn">Receives each line (without a newline); <see cref="io_utils.print_msg"/> when null, as in Keras.</param>
    /// <exception cref="ModelNotBuiltException">
    /// The model does not know its input shape yet (Keras raises <c>ValueError</c> there).
    /// </exception>
    public void summary(int line_length = -1, float[]? positions = null, Action<string>? print_fn = null)
    {
        print_fn ??= line => io_utils.print_msg(line);
        var rows = this is Functional functional ? FunctionalRows(functional) : SequentialRows();
        bool sequentialLike = this is not Functional || IsSequentialLike((Functional)this);
        int length = line_length > 0 ? line_length : sequentialLike ? 65 : 98;
        string[] header = sequentialLike
            ? ["Layer (type)", "Output Shape", "Param #"]
            : ["Layer (type)", "Output Shape", "Param #", "Connected to"];
        var ends = SummaryFormat.Resolve(positions ?? (sequentialLike ? [0.45f, 0.85f, 1.0f] : [0.3f, 0.6f, 0.70f, 1.0f]),
            length, header.Length);

        print_fn($"Model: \"{name}\"");
        print_fn(new string('_', length));
        foreach (var line in SummaryFormat.Row(header, ends)) print_fn(line);
        print_fn(new string('=', length));
        foreach (var row in rows)
        {
            foreach (var line in SummaryFormat.Row(sequentialLike ? row[..3] : row, ends)) print_fn(line);
            print_fn(new string(' ', length));
        }
        print_fn(new string('=', length));

        var trainable = trainable_weights.ToList();
        var frozen = non_trainable_weights.ToList();
        long trainableCount = trainable.Sum(v => v.Size), frozenCount = frozen.Sum(v => v.Size);
        long trainableBytes = Bytes(trainable), frozenBytes = Bytes(frozen);
        print_fn($"Total params: {trainableCount + frozenCount} ({SummaryFormat.ReadableMemorySize(trainableBytes + frozenBytes)})");
        print_fn($"Trainable params: {trainableCount} ({SummaryFormat.ReadableMemorySize(trainableBytes)})");
        print_fn($"Non-trainable params: {frozenCount} ({SummaryFormat.ReadableMemorySize(frozenBytes)})");
        print_fn(new string('_', length));
    }

    static long Bytes(IEnumerable<Variable> variables) => variables.Sum(v => v.Size * v.Value.ElementSize);

    List<string[]> SequentialRows()
    {
        // A Sequential given an input shape is built at construction; one without is built by its first batch.
        var shape = input_shape ?? throw new ModelNotBuiltException(name);
        var rows = new List<string[]>();
        foreach (var layer in layers)
        {
            shape = layer.compute_output_shape(shape);
            rows.Add([$"{layer.name} ({layer.ClassName})", shape.ToBatchString(), layer.count_params().ToString(), ""]);
        }
        return rows;
    }

    static List<string[]> FunctionalRows(Functional model)
    {
        var callsOf = model.Nodes.GroupBy(n => n.Layer).ToDictionary(g => g.Key, g => g.ToList());
        string Ref(KerasTensor t) => $"{t.Layer.name}[{callsOf[t.Layer].IndexOf(t)}][0]";
        var rows = new List<string[]>();
        foreach (var layer in model.layers)
        {
            var calls = callsOf[layer];
            // Keras 2 reports an InputLayer's output as a list of one shape, and a layer called on
            // different shapes as "multiple".
            string shape = layer is InputLayer
                ? $"[{calls[0].shape.ToBatchString()}]"
                : calls.All(c => c.shape.Equals(calls[0].shape)) ? calls[0].shape.ToBatchString() : "multiple";
            var connections = SummaryFormat.PythonList(calls.SelectMany(c => c.Inputs).Select(Ref));
            rows.Add([$"{layer.name} ({layer.ClassName})", shape, layer.count_params().ToString(), connections]);
        }
        return rows;
    }

    /// <summary>Keras's test: one call per layer and at most one input per call, i.e. a plain chain.</summary>
    static bool IsSequentialLike(Functional model) =>
        model.Nodes.All(n => n.Inputs.Count <= 1) && model.Nodes.Select(n => n.Layer).Distinct().Count() == model.Nodes.Count;
}
