using System.Text.Json.Nodes;
using KerasMnist.Keras.Losses;
using KerasMnist.Keras.Metrics;
using KerasMnist.Keras.Models;
using KerasMnist.Keras.Optimizers;

namespace KerasMnist.Keras.Saving;

/// <summary>
/// Keras's <c>compile_config</c>: the optimizer, loss and metrics given to <c>compile</c>, each as class name plus
/// constructor arguments, so <c>load_model</c> returns a model ready for <c>fit</c>/<c>evaluate</c>. The optimizer's
/// state (iteration count, Adam's moments) is not kept: training resumes with fresh moments.
/// </summary>
internal static class CompileConfig
{
    public static JsonObject? Capture(Model model, ConfigCodec codec)
    {
        if (model.optimizer is null || model.loss is null) return null;
        return new JsonObject
        {
            ["optimizer"] = codec.ToJson(model.optimizer, "the optimizer"),
            ["loss"] = codec.ToJson(model.loss, "the loss"),
            ["metrics"] = new JsonArray(model.compiled_metrics.Select(m => codec.ToJson(m, $"metric \"{m.name}\"")).ToArray()),
        };
    }

    public static void Apply(Model model, JsonObject config, ConfigCodec codec)
    {
        var optimizer = Required<Optimizer>(codec, config["optimizer"], "the compile config's optimizer");
        var loss = Required<Loss>(codec, config["loss"], "the compile config's loss");
        var metrics = (config["metrics"]?.AsArray() ?? [])
            .Select((m, i) => Required<Metric>(codec, m, $"the compile config's metric {i}")).ToList();
        model.compile(optimizer, loss, metrics);
    }

    static T Required<T>(ConfigCodec codec, JsonNode? node, string what) where T : class =>
        codec.FromJson(node, typeof(T), what) as T ?? throw new InvalidDataException($"{what} is missing.");
}
