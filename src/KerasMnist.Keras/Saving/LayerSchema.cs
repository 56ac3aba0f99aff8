using System.Text.Json.Nodes;
using KerasMnist.Keras.Layers;

namespace KerasMnist.Keras.Saving;

/// <summary>
/// The config keys Keras writes for each built-in layer (Keras 3's <c>get_config</c>, checked against files saved by
/// Keras 3.1 and tf.keras 2.6), in Keras's order. Keys that are constructor arguments here are read and written
/// through the constructor; the others are Keras options this port does not implement, written with Keras's default
/// and accepted on reading only with a value that means that default, so an option the port lacks is an error
/// naming it instead of a silently different model. Keys other Keras versions add with no effect on the
/// computation (a seed, tf.keras's <c>fused</c>) are accepted and dropped.
/// </summary>
internal sealed record LayerSchema(string[] Keys, Dictionary<string, LayerSchema.Option> Options)
{
    /// <summary>A Keras option the port does not implement: what to write, and which read values mean the same.</summary>
    public sealed record Option(JsonNode? Default, Func<JsonNode?, bool> Accepts, bool Written = true);

    static bool IsNull(JsonNode? n) => n is null;
    static bool Any(JsonNode? _) => true;
    static bool IsFalse(JsonNode? n) => n is null || (n is JsonValue v && v.TryGetValue<bool>(out var b) && !b);
    static bool IsOnes(JsonNode? n) => n is JsonValue v ? v.TryGetValue<int>(out var i) && i == 1
        : n is JsonArray a && a.All(d => d is JsonValue x && x.TryGetValue<int>(out var j) && j == 1);
    static bool IsOne(JsonNode? n) => n is JsonValue v && v.TryGetValue<int>(out var i) && i == 1;
    static bool IsChannelsLast(JsonNode? n) => n is null || (n is JsonValue v && v.TryGetValue<string>(out var s) && s == "channels_last");

    static Option Null => new(null, IsNull);
    static Option ReadNull => new(null, IsNull, Written: false);
    static Option Ignored => new(null, Any, Written: false);
    static Option ChannelsLast => new(JsonValue.Create("channels_last"), IsChannelsLast);

    static readonly Dictionary<string, Option> ConvLike = new()
    {
        ["data_format"] = ChannelsLast, ["dilation_rate"] = new(new JsonArray(1, 1), IsOnes), ["groups"] = new(JsonValue.Create(1), IsOne),
        ["activity_regularizer"] = Null, ["kernel_constraint"] = Null, ["bias_constraint"] = Null,
        ["lora_rank"] = ReadNull, ["lora_alpha"] = Ignored, ["quantization_config"] = ReadNull,
    };

    static readonly Dictionary<Type, LayerSchema> Schemas = new()
    {
        [typeof(Dense)] = new(["units", "activation", "use_bias", "kernel_initializer", "bias_initializer", "kernel_regularizer",
            "bias_regularizer", "kernel_constraint", "bias_constraint"], ConvLike),
        [typeof(Conv2D)] = new(["filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate", "groups", "activation",
            "use_bias", "kernel_initializer", "bias_initializer", "kernel_regularizer", "bias_regularizer", "activity_regularizer",
            "kernel_constraint", "bias_constraint"], ConvLike),
        [typeof(MaxPooling2D)] = new(["pool_size", "padding", "strides", "data_format"], new() { ["data_format"] = ChannelsLast }),
        [typeof(Flatten)] = new(["data_format"], new() { ["data_format"] = ChannelsLast }),
        [typeof(Dropout)] = new(["rate", "seed", "noise_shape"], new() { ["seed"] = new(null, Any), ["noise_shape"] = Null }),
        [typeof(BatchNormalization)] = new(["axis", "momentum", "epsilon", "center", "scale", "beta_initializer", "gamma_initializer",
            "moving_mean_initializer", "moving_variance_initializer", "beta_regularizer", "gamma_regularizer", "beta_constraint",
            "gamma_constraint", "synchronized"], new()
            {
                ["beta_constraint"] = Null, ["gamma_constraint"] = Null,
                // Synchronising the statistics across devices changes nothing on one device.
                ["synchronized"] = new(JsonValue.Create(false), Any),
                ["renorm"] = new(null, IsFalse, Written: false), ["renorm_clipping"] = ReadNull, ["renorm_momentum"] = Ignored,
                ["fused"] = Ignored, ["virtual_batch_size"] = ReadNull, ["adjustment"] = ReadNull,
            }),
        [typeof(ActivationLayer)] = new(["activation"], new()),
        [typeof(Softmax)] = new(["axis"], new()),
        [typeof(ZeroPadding2D)] = new(["padding", "data_format"], new() { ["data_format"] = ChannelsLast }),
        [typeof(Add)] = new([], new()),
        [typeof(GlobalAveragePooling2D)] = new(["data_format", "keepdims"], new() { ["data_format"] = ChannelsLast }),
        [typeof(GlobalMaxPooling2D)] = new(["data_format", "keepdims"], new() { ["data_format"] = ChannelsLast }),
        [typeof(Reshape)] = new(["target_shape"], new()),
        [typeof(Rescaling)] = new(["scale", "offset"], new()),
    };

    /// <summary>The schema of a built-in layer class; null for a user's own class (its constructor arguments are its config).</summary>
    public static LayerSchema? For(Type type) => Schemas.GetValueOrDefault(type);
}
