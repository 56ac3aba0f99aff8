using KerasMnist.Keras.Utils;

namespace KerasMnist.Keras.Applications;

/// <summary>
/// The argument checks every <c>keras.applications</c> model shares (Keras's <c>imagenet_utils</c>):
/// <c>weights</c>, <c>obtain_input_shape</c>, <c>pooling</c> and <c>classifier_activation</c>.
/// </summary>
internal static class ImagenetUtils
{
    /// <summary>
    /// <c>weights</c> must be null (random initialisation). Keras would download ImageNet weights or read a weights
    /// file here; neither is available to this port, so both are refused before anything is built.
    /// </summary>
    public static void ValidateWeights(string? weights, string model)
    {
        if (weights is null) return;
        if (weights == "imagenet")
            throw new ArgumentException(
                $"{model}(weights: \"imagenet\") needs Keras's pretrained ImageNet weights, which KerasMnist cannot load: Keras " +
                "downloads them from storage.googleapis.com and this port has no copy of them (they would also need 3 input " +
                "channels, and with include_top classes: 1000). Pass weights: null to train from a random initialisation, " +
                "as the notebook does for MNIST.");
        throw new ArgumentException(
            $"{model}(weights: \"{weights}\"): loading a weights file while building is not supported. " +
            "Pass weights: null (random initialisation) or \"imagenet\" (not available offline).");
    }

    /// <summary>
    /// Keras's <c>obtain_input_shape</c> for <c>weights=None</c>: a (height, width, channels) shape, both sides at
    /// least <paramref name="minSize"/>; any channel count (Keras warns unless 1 or 3). Without a shape the top
    /// needs the default (<paramref name="defaultSize"/>², 3); a headless model would take any image size in
    /// Keras, which this port's fixed-shape models cannot, so that case asks for an explicit shape.
    /// </summary>
    public static Shape ObtainInputShape(Shape? input_shape, int defaultSize, int minSize, bool requireFlatten, string model)
    {
        if (input_shape is null)
        {
            if (requireFlatten) return new Shape(defaultSize, defaultSize, 3);
            throw new ArgumentException(
                $"{model}(include_top: false) without input_shape or input_tensor: Keras would accept images of any size " +
                $"here, but KerasMnist builds models for one input shape. Pass input_shape, e.g. ({defaultSize}, {defaultSize}, 3).");
        }
        if (input_shape.Rank != 3)
            throw new ArgumentException(
                $"{model}: `input_shape` must be a tuple of three integers (height, width, channels); received input_shape={input_shape}.");
        if (input_shape[0] < minSize || input_shape[1] < minSize)
            throw new ArgumentException(
                $"{model}: input size must be at least {minSize}x{minSize}; received input_shape={input_shape}. " +
                "Pad smaller images first, e.g. keras.layers.ZeroPadding2D(padding: (2, 2)) turns 28x28 into 32x32.");
        if (input_shape[2] is not (1 or 3))
            io_utils.print_msg(
                $"Warning: {model} usually expects 1 or 3 input channels. However, it was passed an input_shape with {input_shape[2]} input channels.");
        return input_shape;
    }

    /// <summary><c>pooling</c> for a headless model: null (4-D feature map), "avg" or "max".</summary>
    public static void ValidatePooling(string? pooling, string model)
    {
        if (pooling is not (null or "avg" or "max"))
            throw new ArgumentException(
                $"{model}: unknown pooling \"{pooling}\". Valid values: null (the 4-D output of the last block), \"avg\", \"max\".");
    }
}
