using KerasMnist.Keras.Models;

namespace KerasMnist.Keras.Applications;

/// <summary><c>keras.applications</c>: ready-made architectures, built with random weights.</summary>
public sealed partial class ApplicationsApi
{
    /// <summary>
    /// <c>keras.applications.ResNet50(include_top=True, weights="imagenet", input_tensor=None, input_shape=None,
    /// pooling=None, classes=1000, classifier_activation="softmax", name="resnet50")</c>: Keras's ResNet v1
    /// with its layer names (conv1_pad, conv1_conv, conv2_block1_0_conv, ..., avg_pool, predictions).
    /// </summary>
    /// <param name="include_top">Ends in avg_pool + the Dense "predictions" layer; <paramref name="pooling"/> is then ignored, as in Keras.</param>
    /// <param name="weights">Must be null (random initialisation): ImageNet weights are not available to this port, and asking for them is an error that says so.</param>
    /// <param name="input_tensor">A symbolic tensor to build on, e.g. the output of <c>ZeroPadding2D</c> on a <c>keras.Input</c>;
    /// the model's input is then that <c>keras.Input</c> (Keras's <c>get_source_inputs</c>), so the padding is part of the model.</param>
    /// <param name="input_shape">(height, width, channels), each side at least 32; default (224, 224, 3) with the top.</param>
    /// <param name="pooling">Without the top: null (4-D output), "avg" (avg_pool) or "max" (max_pool).</param>
    /// <param name="classes">Units of the "predictions" layer.</param>
    /// <param name="classifier_activation">Activation of "predictions": "softmax" (probabilities, so compile with
    /// <c>from_logits: false</c>) or null for logits.</param>
    /// <param name="name">The model's name.</param>
    public Functional ResNet50(bool include_top = true, string? weights = "imagenet", KerasTensor? input_tensor = null,
        Shape? input_shape = null, string? pooling = null, int classes = 1000, string? classifier_activation = "softmax",
        string name = "resnet50")
        => ResNet.ResNet50(include_top, weights, input_tensor, input_shape, pooling, classes, classifier_activation, name);
}
