using KerasMnist.Keras.Activations;
using KerasMnist.Keras.Models;
using static KerasMnist.Keras.KerasApi;

namespace KerasMnist.Keras.Applications;

/// <summary>
/// Keras's <c>keras.applications.resnet</c> (ResNet v1, He et al. 2015) as Keras builds ResNet50: the same
/// topology and layer names, so a summary or a weight list reads as in Python. v1 puts each stack's stride
/// on the first 1x1 convolution of block 1 (torchvision's "v1.5" puts it on the 3x3), every convolution has a
/// bias, and every BatchNormalization uses epsilon 1.001e-5.
/// </summary>
internal static class ResNet
{
    const float BnEpsilon = 1.001e-5f;
    const int BnAxis = 3; // channels_last

    /// <summary>ResNet50's four stacks: (name, filters, blocks, stride of the first block).</summary>
    static readonly (string name, int filters, int blocks, int stride)[] ResNet50Stacks =
        [("conv2", 64, 3, 1), ("conv3", 128, 4, 2), ("conv4", 256, 6, 2), ("conv5", 512, 3, 2)];

    /// <summary>See <see cref="ApplicationsApi.ResNet50"/>. Every argument is checked before a layer is created.</summary>
    public static Functional ResNet50(bool include_top, string? weights, KerasTensor? input_tensor, Shape? input_shape,
        string? pooling, int classes, string? classifier_activation, string name)
    {
        const string model = "ResNet50";
        ImagenetUtils.ValidateWeights(weights, model);
        ImagenetUtils.ValidatePooling(pooling, model);
        var activation = Activation.Get(classifier_activation);
        if (include_top && classes < 1)
            throw new ArgumentException($"{model}: classes must be at least 1 with include_top: true, got {classes}.");
        var source = input_tensor is null ? null : SourceInput(input_tensor, input_shape, model);
        var shape = input_tensor is null ? ImagenetUtils.ObtainInputShape(input_shape, 224, 32, include_top, model) : null;

        var img_input = input_tensor ?? keras.layers.Input(shape!);
        var x = Stem(img_input);
        foreach (var (stack, filters, blocks, stride) in ResNet50Stacks)
            x = Stack(x, filters, blocks, stride, stack);

        if (include_top)
        {
            x = keras.layers.GlobalAveragePooling2D(name: "avg_pool").Apply(x);
            x = keras.layers.Dense(classes, activation: activation, name: "predictions").Apply(x);
        }
        else if (pooling == "avg") x = keras.layers.GlobalAveragePooling2D(name: "avg_pool").Apply(x);
        else if (pooling == "max") x = keras.layers.GlobalMaxPooling2D(name: "max_pool").Apply(x);

        // As Keras's get_source_inputs: a model on input_tensor starts at that tensor's keras.Input.
        return new Functional(source ?? img_input, x, name);
    }

    static KerasTensor SourceInput(KerasTensor input_tensor, Shape? input_shape, string model)
    {
        if (input_tensor.shape.Rank != 3)
            throw new ArgumentException(
                $"{model}: input_tensor must be an image tensor (height, width, channels); got {input_tensor}.");
        if (input_shape is not null && !input_shape.Equals(input_tensor.shape))
            throw new ArgumentException(
                $"{model}: input_shape={input_shape} disagrees with input_tensor of shape {input_tensor.shape}; pass only input_tensor.");
        var sources = input_tensor.SourceInputs();
        if (sources.Count != 1)
            throw new ArgumentException(
                $"{model}: input_tensor depends on {sources.Count} inputs ({string.Join(", ", sources.Select(s => s.Layer.name))}); " +
                "KerasMnist models take exactly one keras.Input.");
        return sources[0];
    }

    static KerasTensor Stem(KerasTensor x)
    {
        x = keras.layers.ZeroPadding2D(((3, 3), (3, 3)), name: "conv1_pad").Apply(x);
        x = keras.layers.Conv2D(64, 7, strides: 2, name: "conv1_conv").Apply(x);
        x = BatchNorm("conv1_bn").Apply(x);
        x = keras.layers.Activation("relu", name: "conv1_relu").Apply(x);
        x = keras.layers.ZeroPadding2D(((1, 1), (1, 1)), name: "pool1_pad").Apply(x);
        return keras.layers.MaxPooling2D(3, strides: 2, name: "pool1_pool").Apply(x);
    }

    /// <summary>Keras's <c>stack1</c>: a projection block then identity blocks, named <c>{name}_block{i}</c>.</summary>
    static KerasTensor Stack(KerasTensor x, int filters, int blocks, int stride1, string name)
    {
        x = Block(x, filters, stride1, conv_shortcut: true, $"{name}_block1");
        for (int i = 2; i <= blocks; i++)
            x = Block(x, filters, 1, conv_shortcut: false, $"{name}_block{i}");
        return x;
    }

    /// <summary>Keras's <c>block1</c>: 1x1 (strided) → 3x3 "same" → 1x1 (4·filters), added to the shortcut, then relu.</summary>
    static KerasTensor Block(KerasTensor x, int filters, int stride, bool conv_shortcut, string name)
    {
        var shortcut = x;
        if (conv_shortcut)
        {
            shortcut = keras.layers.Conv2D(4 * filters, 1, strides: stride, name: $"{name}_0_conv").Apply(x);
            shortcut = BatchNorm($"{name}_0_bn").Apply(shortcut);
        }
        x = keras.layers.Conv2D(filters, 1, strides: stride, name: $"{name}_1_conv").Apply(x);
        x = BatchNorm($"{name}_1_bn").Apply(x);
        x = keras.layers.Activation("relu", name: $"{name}_1_relu").Apply(x);
        x = keras.layers.Conv2D(filters, 3, padding: "same", name: $"{name}_2_conv").Apply(x);
        x = BatchNorm($"{name}_2_bn").Apply(x);
        x = keras.layers.Activation("relu", name: $"{name}_2_relu").Apply(x);
        x = keras.layers.Conv2D(4 * filters, 1, name: $"{name}_3_conv").Apply(x);
        x = BatchNorm($"{name}_3_bn").Apply(x);
        x = keras.layers.Add(name: $"{name}_add").Apply(shortcut, x);
        return keras.layers.Activation("relu", name: $"{name}_out").Apply(x);
    }

    static Layers.BatchNormalization BatchNorm(string name) =>
        keras.layers.BatchNormalization(axis: BnAxis, epsilon: BnEpsilon, name: name);
}
