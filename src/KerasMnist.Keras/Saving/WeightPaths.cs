using KerasMnist.Keras.Backend;
using KerasMnist.Keras.Layers;
using KerasMnist.Keras.Models;

namespace KerasMnist.Keras.Saving;

/// <summary>
/// Where Keras 3 keeps each layer's variables in a weights file: <c>layers/&lt;name&gt;/vars/0, 1, ...</c>, where the name
/// is the layer's class name in snake_case with a counter per class in <c>model.layers</c> order (<c>conv2d</c>,
/// <c>conv2d_1</c>, ...; never the layer's own name, which is not reproducible), nested models repeating the scheme
/// below their own path (<c>layers/functional/layers/dense</c>). A model's own variables sit at <c>vars</c> (Keras's
/// <c>_save_state</c> walk). A Sequential's <c>layers</c> leave out its InputLayer; a functional model's include theirs.
/// </summary>
internal static class WeightPaths
{
    /// <summary>Every layer below <paramref name="model"/> with its path (nested models included, before their layers).</summary>
    public static IEnumerable<(string path, Layer layer)> Of(Model model, string prefix = "")
    {
        var used = new Dictionary<string, int>();
        foreach (var layer in model.layers.Distinct())
        {
            var name = Naming.ToSnakeCase(layer.ClassName);
            if (used.TryGetValue(name, out int n))
            {
                used[name] = n + 1;
                name = $"{name}_{n + 1}";
            }
            else used[name] = 0;
            var path = $"{prefix}layers/{name}";
            yield return (path, layer);
            if (layer is Model inner)
                foreach (var child in Of(inner, path + "/")) yield return child;
        }
    }

    /// <summary>The variables Keras saves under a layer's own <c>vars</c>: a model's are its layers', so none of its own.</summary>
    public static IReadOnlyList<Variable> OwnVariables(Layer layer) => layer is Model ? [] : layer.weights;
}
