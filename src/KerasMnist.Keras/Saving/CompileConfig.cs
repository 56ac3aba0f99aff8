using KerasMnist.Keras.Utils;
using System.Text.Json.Nodes;
using KerasMnist.Keras.Losses;
using KerasMnist.Keras.Metrics;
using KerasMnist.Keras.Models;
using KerasMnist.Keras.Optimizers;

namespace KerasMnist.Keras.Saving;

/// <summary>
/// What <c>compile</c> was given: Keras 3's <c>compile_config</c> (config.json) and tf.keras's <c>training_config</c>
/// (an .h5 file's attribute), in every form published files use: the loss as a string, a serialized function
/// (<c>{"module": "builtins", "class_name": "function", "config": "categorical_crossentropy"}</c>) or a loss object;
/// the optimizer as null, a string or an object (tf.keras 2.15 names Adam <c>Custom>Adam</c>); metrics as strings
/// (<c>"accuracy"</c> resolved against the loss, as Keras does), metric objects or <c>MeanMetricWrapper</c>s, per
/// output in nested lists. A loss or metric this port lacks is an error (evaluate could not report what Keras does);
/// an optimizer it lacks leaves the model compiled without one, with a warning: evaluate works, fit asks for a compile.
/// </summary>
internal static class CompileConfig
{
    /// <summary>Keras 3's compile_config of a compiled model; null when it is not compiled.</summary>
    public static JsonObject? Capture(Model model)
    {
        if (model.loss is null) return null;
        return new JsonObject
        {
            ["optimizer"] = model.optimizer is null ? null : Optimizer(model.optimizer),
            ["loss"] = Loss(model.loss),
            ["loss_weights"] = null,
            ["metrics"] = new JsonArray(model.compiled_metrics.Select(Metric).ToArray()),
            ["weighted_metrics"] = null,
            ["run_eagerly"] = false,
            ["steps_per_execution"] = 1,
            ["jit_compile"] = false,
        };
    }

    static JsonNode Optimizer(Optimizer optimizer) => optimizer switch
    {
        Adam adam => ConfigCodec.KerasObject("keras.optimizers", "Adam", new JsonObject
        {
            ["name"] = adam.name, ["learning_rate"] = adam.learning_rate, ["beta_1"] = adam.beta_1, ["beta_2"] = adam.beta_2,
            ["epsilon"] = adam.epsilon, ["amsgrad"] = false,
        }),
        _ => throw new NotSupportedException($"Cannot save the optimizer {optimizer.GetType().Name}: it has no Keras config form."),
    };

    static JsonNode Loss(Loss loss) => loss switch
    {
        SparseCategoricalCrossentropy s => ConfigCodec.KerasObject("keras.losses", "SparseCategoricalCrossentropy", new JsonObject
        {
            ["name"] = s.name, ["reduction"] = "sum_over_batch_size", ["from_logits"] = s.from_logits, ["ignore_class"] = null,
        }),
        CategoricalCrossentropy c => ConfigCodec.KerasObject("keras.losses", "CategoricalCrossentropy", new JsonObject
        {
            ["name"] = c.name, ["reduction"] = "sum_over_batch_size", ["from_logits"] = c.from_logits, ["label_smoothing"] = 0.0, ["axis"] = -1,
        }),
        _ => throw new NotSupportedException($"Cannot save the loss {loss.GetType().Name}: it has no Keras config form."),
    };

    // "accuracy" stays the string it was given as: Keras resolves it against the data again when loading.
    static JsonNode Metric(Metric metric) => metric switch
    {
        SparseCategoricalAccuracy or CategoricalAccuracy when metric.name is "accuracy" or "acc" => JsonValue.Create(metric.name),
        SparseCategoricalAccuracy or CategoricalAccuracy => ConfigCodec.KerasObject("keras.metrics", metric.GetType().Name,
            new JsonObject { ["name"] = metric.name, ["dtype"] = "float32" }),
        _ => throw new NotSupportedException($"Cannot save the metric {metric.GetType().Name}: it has no Keras config form."),
    };

    /// <summary>
    /// Compiles <paramref name="model"/> as <paramref name="config"/> says (Keras 3's compile_config or tf.keras's
    /// training_config); leaves it uncompiled when the config names no loss.
    /// </summary>
    public static void Apply(Model model, JsonObject config, string file)
    {
        if (config["loss"] is not { } lossNode) return;
        var loss = ReadLoss(lossNode);
        if (config["loss_weights"] is { } weights && !(weights is JsonArray { Count: 1 } w && w[0]?.GetValue<double>() == 1))
            throw new InvalidDataException($"the compile config weights its loss ({weights.ToJsonString()}); KerasMnist supports single-output models only.");
        if (config["weighted_metrics"] is JsonArray { Count: > 0 } weighted)
            throw new InvalidDataException($"the compile config has weighted_metrics {weighted.ToJsonString()}, which KerasMnist does not implement.");
        var metrics = Flatten(config["metrics"]).Select(m => ReadMetric(m, loss)).ToList();
        var optimizerNode = config["optimizer"] ?? config["optimizer_config"];
        Optimizer? optimizer = null;
        if (optimizerNode is not null)
        {
            optimizer = ReadOptimizer(optimizerNode, out var unsupported);
            if (unsupported is not null)
                io_utils.print_msg(
                    $"Warning: {file}: the model was compiled with {unsupported}, which KerasMnist does not implement. It is compiled " +
                    "without an optimizer: evaluate and predict work; before fit, compile it again with one (keras.optimizers.Adam).");
        }
        model.compile(optimizer, loss, metrics);
    }

    /// <summary>Metrics per output come as nested lists in tf.keras's training_config; this port's models have one output.</summary>
    static IEnumerable<JsonNode> Flatten(JsonNode? metrics) => metrics switch
    {
        null => [],
        JsonArray list => list.SelectMany(m => m is JsonArray inner ? Flatten(inner) : m is null ? [] : [m]),
        JsonObject perOutput when perOutput.Count == 1 => Flatten(perOutput.First().Value),
        _ => throw new InvalidDataException($"the compile config's metrics {metrics.ToJsonString()} are not a list."),
    };

    static Loss ReadLoss(JsonNode node)
    {
        string? name = node is JsonObject o && o["class_name"]?.GetValue<string>() is { } cls && cls != "function" ? cls : null;
        var config = (node as JsonObject)?["config"] as JsonObject;
        if (name is null)
        {
            var function = ConfigCodec.FunctionName(node);
            return function switch
            {
                "sparse_categorical_crossentropy" => new SparseCategoricalCrossentropy(),
                "categorical_crossentropy" => new CategoricalCrossentropy(),
                _ => throw Unsupported("loss", function),
            };
        }
        bool fromLogits = config?["from_logits"]?.GetValue<bool>() ?? false;
        string? lossName = config?["name"]?.GetValue<string>();
        if (config?["reduction"]?.GetValue<string>() is { } reduction && reduction is not ("auto" or "sum_over_batch_size"))
            throw Unsupported("loss reduction", reduction);
        switch (name)
        {
            case "SparseCategoricalCrossentropy":
                if (config?["ignore_class"] is { } ignore) throw Unsupported("loss option ignore_class", ignore.ToJsonString());
                return new SparseCategoricalCrossentropy(fromLogits, lossName ?? "sparse_categorical_crossentropy");
            case "CategoricalCrossentropy":
                if ((config?["label_smoothing"]?.GetValue<double>() ?? 0) != 0)
                    throw Unsupported("loss option label_smoothing", config!["label_smoothing"]!.ToJsonString());
                if ((config?["axis"]?.GetValue<int>() ?? -1) != -1) throw Unsupported("loss option axis", config!["axis"]!.ToJsonString());
                return new CategoricalCrossentropy(fromLogits, lossName ?? "categorical_crossentropy");
            default:
                throw Unsupported("loss", name);
        }
    }

    static Metric ReadMetric(JsonNode node, Loss loss)
    {
        if (node is JsonValue v) return Wrap(() => Metrics.Metric.Get(v.GetValue<string>(), loss), v.GetValue<string>());
        var className = node["class_name"]?.GetValue<string>() ?? throw new InvalidDataException($"the metric {node.ToJsonString()} has no class_name.");
        var config = (node as JsonObject)?["config"] as JsonObject;
        var name = config?["name"]?.GetValue<string>();
        ConfigCodec.CheckDtype(config?["dtype"], $"the metric {name ?? className}");
        return className switch
        {
            "SparseCategoricalAccuracy" => new SparseCategoricalAccuracy(name ?? "sparse_categorical_accuracy"),
            "CategoricalAccuracy" => new CategoricalAccuracy(name ?? "categorical_accuracy"),
            // tf.keras wraps "accuracy" as a MeanMetricWrapper around the function it resolved it to.
            "MeanMetricWrapper" => config?["fn"] is { } fn ? ConfigCodec.FunctionName(fn) switch
            {
                "sparse_categorical_accuracy" => new SparseCategoricalAccuracy(name ?? "sparse_categorical_accuracy"),
                "categorical_accuracy" => new CategoricalAccuracy(name ?? "categorical_accuracy"),
                "accuracy" or "acc" => Metrics.Metric.Get("accuracy", loss) is var m && name is null ? m : Rename(m, name!),
                var other => throw Unsupported("metric", other),
            } : throw Unsupported("metric", node.ToJsonString()),
            _ => throw Unsupported("metric", className),
        };
    }

    static Metric Rename(Metric metric, string name) =>
        metric is CategoricalAccuracy ? new CategoricalAccuracy(name) : new SparseCategoricalAccuracy(name);

    static Metric Wrap(Func<Metric> get, string name)
    {
        try
        {
            return get();
        }
        catch (ArgumentException)
        {
            throw Unsupported("metric", name);
        }
    }

    /// <summary>The optimizer, or null with <paramref name="unsupported"/> saying what this port lacks.</summary>
    static Optimizer? ReadOptimizer(JsonNode node, out string? unsupported)
    {
        unsupported = null;
        var className = node is JsonValue v ? v.GetValue<string>() : node["class_name"]?.GetValue<string>() ?? "";
        if (className.StartsWith("Custom>", StringComparison.Ordinal)) className = className["Custom>".Length..];
        if (!className.Equals("adam", StringComparison.OrdinalIgnoreCase))
        {
            unsupported = $"the optimizer {className}";
            return null;
        }
        var config = (node as JsonObject)?["config"] as JsonObject ?? new JsonObject();
        foreach (var (key, value) in config)
        {
            bool isDefault = key switch
            {
                "name" or "learning_rate" or "lr" or "beta_1" or "beta_2" or "epsilon" => true,
                // Settings that do not change the update (or only its bookkeeping).
                "ema_momentum" or "ema_overwrite_frequency" or "jit_compile" or "is_legacy_optimizer" => true,
                "amsgrad" or "use_ema" => value is null || !value.GetValue<bool>(),
                "decay" or "weight_decay" => value is null || value.GetValue<double>() == 0,
                "gradient_accumulation_steps" => value is null || value.GetValue<int>() <= 1,
                _ => value is null,
            };
            if (!isDefault)
            {
                unsupported = $"Adam's option {key} = {value?.ToJsonString()}";
                return null;
            }
        }
        var learningRate = config["learning_rate"] ?? config["lr"];
        if (learningRate is JsonObject schedule)
        {
            unsupported = $"the learning-rate schedule {schedule["class_name"]?.GetValue<string>() ?? schedule.ToJsonString()}";
            return null;
        }
        return new Adam(
            learning_rate: learningRate?.GetValue<float>() ?? 0.001f,
            beta_1: config["beta_1"]?.GetValue<float>() ?? 0.9f,
            beta_2: config["beta_2"]?.GetValue<float>() ?? 0.999f,
            epsilon: config["epsilon"]?.GetValue<float>() ?? 1e-7f,
            name: config["name"]?.GetValue<string>() ?? "adam");
    }

    static InvalidDataException Unsupported(string what, string name) => new(
        $"the model was compiled with the {what} '{name}', which KerasMnist does not implement. " +
        "Load it with compile: false and compile it yourself to use it.");
}
