using KerasMnist.Keras.Backend;
using KerasMnist.Keras.Initializers;
using KerasMnist.Keras.Regularizers;
using static TorchSharp.torch;

namespace KerasMnist.Keras.Layers;

/// <summary>
/// <c>keras.layers.BatchNormalization</c> with Keras's numerics. Training (fit, and only while the layer is
/// trainable) normalises with the batch mean and the <em>biased</em> batch variance and moves the statistics
/// as <c>moving = moving·momentum + batch·(1 − momentum)</c>, with the biased variance too. Inference
/// (evaluate, predict, or a layer with <c>trainable = false</c>, as in Keras 2+) uses the moving statistics.
/// Weights per channel: gamma and beta (trainable), moving_mean and moving_variance (non-trainable).
/// </summary>
/// <remarks>
/// Both modes run libtorch's fused batch_norm kernels. In training mode torch would move its running
/// variance with the <em>unbiased</em> variance, so the kernel writes the batch statistics into scratch
/// buffers instead (momentum 1 replaces their contents) and the Keras update is applied here, rescaling the
/// unbiased variance by (n − 1)/n. Normalising with externally computed batch statistics in torch's
/// inference mode would be cheaper still but is wrong for training: gradients would not flow through the
/// batch mean and variance (torch refuses statistics that require grad).
/// </remarks>
[LayersApiFactory]
public sealed class BatchNormalization : Layer
{
    /// <summary><c>layer.gamma</c> (null until built or without <c>scale</c>): the per-channel scale, trainable.</summary>
    public Variable? gamma { get; private set; }

    /// <summary><c>layer.beta</c> (null until built or without <c>center</c>): the per-channel offset, trainable.</summary>
    public Variable? beta { get; private set; }

    /// <summary><c>layer.moving_mean</c> (null until built): non-trainable.</summary>
    public Variable? moving_mean { get; private set; }

    /// <summary><c>layer.moving_variance</c> (null until built): non-trainable.</summary>
    public Variable? moving_variance { get; private set; }

    int featureAxis = 1; // the normalised axis of a batch, non-negative

    /// <summary>See <c>keras.layers.BatchNormalization</c>.</summary>
    public BatchNormalization(int axis = -1, float momentum = 0.99f, float epsilon = 1e-3f, bool center = true, bool scale = true,
        Initializer? beta_initializer = null, Initializer? gamma_initializer = null,
        Initializer? moving_mean_initializer = null, Initializer? moving_variance_initializer = null,
        Regularizer? beta_regularizer = null, Regularizer? gamma_regularizer = null, bool trainable = true, string? name = null)
        : base(name)
    {
        if (!(momentum >= 0 && momentum <= 1))
            throw new ArgumentException($"BatchNormalization \"{this.name}\": momentum must be in [0, 1], got {momentum}. Keras's default is 0.99.");
        if (!(epsilon > 0))
            throw new ArgumentException($"BatchNormalization \"{this.name}\": epsilon must be positive, got {epsilon}. Keras's default is 1e-3.");
        this.axis = axis;
        this.momentum = momentum;
        this.epsilon = epsilon;
        this.center = center;
        this.scale = scale;
        this.beta_initializer = beta_initializer ?? new Zeros();
        this.gamma_initializer = gamma_initializer ?? new Ones();
        this.moving_mean_initializer = moving_mean_initializer ?? new Zeros();
        this.moving_variance_initializer = moving_variance_initializer ?? new Ones();
        this.beta_regularizer = beta_regularizer;
        this.gamma_regularizer = gamma_regularizer;
        // Keras takes trainable=False at construction for every layer; false also makes it normalise with its moving statistics.
        this.trainable = trainable;
    }

#pragma warning disable CS1591 // Keras's constructor arguments, documented there
    public int axis { get; }
    public float momentum { get; }
    public float epsilon { get; }
    public bool center { get; }
    public bool scale { get; }
    public Initializer beta_initializer { get; }
    public Initializer gamma_initializer { get; }
    public Initializer moving_mean_initializer { get; }
    public Initializer moving_variance_initializer { get; }
    public Regularizer? beta_regularizer { get; }
    public Regularizer? gamma_regularizer { get; }
#pragma warning restore CS1591

    /// <inheritdoc/>
    protected override void build(Shape input_shape)
    {
        featureAxis = Axes.Normalize(axis, input_shape, name);
        if (featureAxis == 0)
            throw new ArgumentException($"BatchNormalization \"{name}\" cannot normalise over the batch axis (axis={axis}); use the features axis, e.g. -1.");
        int channels = input_shape[featureAxis - 1];
        if (scale) gamma = AddWeight("gamma", [channels], gamma_initializer, regularizer: gamma_regularizer);
        if (center) beta = AddWeight("beta", [channels], beta_initializer, regularizer: beta_regularizer);
        moving_mean = AddWeight("moving_mean", [channels], moving_mean_initializer, trainable: false);
        moving_variance = AddWeight("moving_variance", [channels], moving_variance_initializer, trainable: false);
        // As Keras: the same rank and the same size on the normalised axis afterwards; other sizes may change.
        input_spec = new InputSpec(ndim: input_shape.Rank + 1, axes: new Dictionary<int, int> { [axis] = channels });
    }

    /// <inheritdoc/>
    public override Shape compute_output_shape(Shape input_shape) => input_shape;

    /// <inheritdoc/>
    protected internal override Tensor Call(Tensor x, bool training)
    {
        // torch normalises over axis 1; another feature axis is moved there and back (views, no copy). For images,
        // (N, H, W, C) with C moved to axis 1 is the (N, C, H, W) view of channels-last memory that torch's fast kernel takes.
        var input = featureAxis == 1 ? x : x.movedim([featureAxis], [1]);
        var y = training && trainable
            ? TrainingForward(input)
            : nn.functional.batch_norm(input, moving_mean!.Value, moving_variance!.Value, gamma?.Value, beta?.Value,
                training: false, eps: epsilon);
        return featureAxis == 1 ? y : y.movedim([1], [featureAxis]);
    }

    Tensor TrainingForward(Tensor x)
    {
        long channels = x.shape[1];
        long n = x.numel() / channels;
        var batchMean = zeros(channels, x.dtype, x.device);
        var batchVariance = zeros(channels, x.dtype, x.device);
        var y = nn.functional.batch_norm(x, batchMean, batchVariance, gamma?.Value, beta?.Value,
            training: true, momentum: 1.0, eps: epsilon);
        using (no_grad())
        {
            double keep = momentum;
            moving_mean!.Value.mul_(keep).add_(batchMean, alpha: 1 - keep);
            moving_variance!.Value.mul_(keep);
            // One value per channel has zero variance; torch's unbiased estimate would be 0/0.
            if (n > 1) moving_variance.Value.add_(batchVariance, alpha: (1 - keep) * (n - 1) / n);
        }
        return y;
    }
}
