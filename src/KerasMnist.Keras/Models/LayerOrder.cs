using KerasMnist.Keras.Layers;

namespace KerasMnist.Keras.Models;

/// <summary>
/// The order in which Keras lists a functional model's layers (<c>model.layers</c>, and so <c>get_weights()</c> and the
/// per-class paths of a <c>.keras</c> weights file): by depth from the input, and among layers of equal depth in the
/// order a depth-first walk back from the output first meets them (Keras's <c>map_graph</c>). In ResNet50 this puts a
/// block's shortcut convolution after the main path's second ReLU, as Keras's summary shows it.
/// </summary>
internal static class LayerOrder
{
    public static List<Layer> Of(KerasTensor output)
    {
        // Depth-first from the output: each layer's index on first visit, and every node after its inputs.
        var firstSeen = new Dictionary<Layer, int>(ReferenceEqualityComparer.Instance);
        var postOrder = new List<KerasTensor>();
        var finished = new HashSet<KerasTensor>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(KerasTensor node, bool expanded)>([(output, false)]);
        while (stack.Count > 0)
        {
            var (node, expanded) = stack.Pop();
            if (finished.Contains(node)) continue;
            if (expanded)
            {
                finished.Add(node);
                postOrder.Add(node);
                continue;
            }
            firstSeen.TryAdd(node.Layer, firstSeen.Count);
            stack.Push((node, true));
            for (int i = node.Inputs.Count - 1; i >= 0; i--)
                if (!finished.Contains(node.Inputs[i])) stack.Push((node.Inputs[i], false));
        }

        // Depths grow from the output (0) towards the inputs; a layer called several times takes its deepest call.
        var nodeDepth = new Dictionary<KerasTensor, int>(ReferenceEqualityComparer.Instance);
        var layerDepth = new Dictionary<Layer, int>(ReferenceEqualityComparer.Instance);
        for (int i = postOrder.Count - 1; i >= 0; i--)
        {
            var node = postOrder[i];
            int depth = Math.Max(nodeDepth.GetValueOrDefault(node), layerDepth.GetValueOrDefault(node.Layer));
            layerDepth[node.Layer] = depth;
            nodeDepth[node] = depth;
            foreach (var parent in node.Inputs)
                nodeDepth[parent] = Math.Max(depth + 1, nodeDepth.GetValueOrDefault(parent));
        }
        return layerDepth.Keys.OrderByDescending(l => layerDepth[l]).ThenBy(l => firstSeen[l]).ToList();
    }
}
