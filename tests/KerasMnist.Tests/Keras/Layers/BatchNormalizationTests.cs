using KerasMnist.Keras.Layers;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Layers;

/// <summary>
/// BatchNormalization against hand-computed values on a (2, 1, 2, 2) NHWC batch:
/// channel 0 holds 1, 3, 5, 7 (mean 4, biased variance 5, unbiased 20/3); channel 1 holds 2, 2, 4, 4 (mean 3,
/// biased variance 1, unbiased 4/3). gamma = (2, 0.5), beta = (1, −1), epsilon 1e-3, momentum 0.99.
/// </summary>
public class BatchNormalizationTests
{
    static readonly float[] Values = [1, 2, 3, 2, 5, 4, 7, 4]; // NHWC: channel 0 = 1, 3, 5, 7; channel 1 = 2, 2, 4, 4
    static readonly double[] Gamma = [2, 0.5], Beta = [1, -1];
    const double Eps = 1e-3;

    static Tensor Batch() => LayerTensors.Of(Values, 2, 1, 2, 2);

    static BatchNormalization Layer(bool trainable = true)
    {
        var bn = keras.layers.BatchNormalization(trainable: trainable);
        bn.Build((1, 2, 2));
        bn.weights[0].Assign(tensor(Gamma.Select(v => (float)v).ToArray()));
        bn.weights[1].Assign(tensor(Beta.Select(v => (float)v).ToArray()));
        return bn;
    }

    /// <summary>gamma·(x − mean)/√(var + eps) + beta for every value, with per-channel statistics.</summary>
    static double[] Normalised(double[] mean, double[] variance) =>
        Values.Select((x, i) => Gamma[i % 2] * (x - mean[i % 2]) / Math.Sqrt(variance[i % 2] + Eps) + Beta[i % 2]).ToArray();

    static float[] Stat(BatchNormalization bn, string name) => LayerTensors.Values(bn.weights.Single(w => w.Name == name).Value);

    [Fact]
    public void Training_normalises_with_batch_mean_and_biased_variance()
    {
        var bn = Layer();
        using var x = Batch();
        using var y = bn.Apply(x, training: true);
        LayerTensors.Close(Normalised([4, 3], [5, 1]), LayerTensors.Values(y));
    }

    [Fact]
    public void One_training_step_moves_the_statistics_with_momentum_and_the_biased_variance()
    {
        var bn = Layer();
        using var x = Batch();
        bn.Apply(x, training: true).Dispose();
        // moving = 0.99·moving + 0.01·batch from (0, 0) and (1, 1); the unbiased variance would give 1.0566667 and 1.0033333.
        LayerTensors.Close([0.04, 0.03], Stat(bn, "moving_mean"), 1e-7);
        LayerTensors.Close([0.99 + 0.05, 0.99 + 0.01], Stat(bn, "moving_variance"), 1e-6);
    }

    [Fact]
    public void Inference_uses_the_moving_statistics_and_leaves_them_alone()
    {
        var bn = Layer();
        using var x = Batch();
        bn.Apply(x, training: true).Dispose();
        using var y = bn.Apply(x, training: false);
        LayerTensors.Close(Normalised([0.04, 0.03], [1.04, 1.0]), LayerTensors.Values(y));
        LayerTensors.Close([0.04, 0.03], Stat(bn, "moving_mean"), 1e-7);
    }

    [Fact]
    public void A_frozen_layer_runs_in_inference_mode_even_during_training()
    {
        var bn = Layer(trainable: false);
        using var x = Batch();
        using var y = bn.Apply(x, training: true);
        LayerTensors.Close(Normalised([0, 0], [1, 1]), LayerTensors.Values(y));
        Assert.Equal([0f, 0f], Stat(bn, "moving_mean"));
        Assert.Equal([1f, 1f], Stat(bn, "moving_variance"));
        Assert.Empty(bn.trainable_weights);
        Assert.Equal(4, bn.non_trainable_weights.Count());
    }

    [Fact]
    public void Training_gradients_flow_through_the_batch_statistics()
    {
        // Reference: Keras's formula written out with autograd ops. Normalising with detached batch statistics
        // (torch's inference kernel) gives the same output but input gradients off by ~0.05 here.
        var bn = Layer();
        using var weightsOfLoss = LayerTensors.Of([0.3f, -1.2f, 2f, 0.7f, -0.4f, 1.1f, 0.9f, -2f], 2, 1, 2, 2);
        using var x = Batch().requires_grad_(true);
        var grad = autograd.grad([(bn.Apply(x, training: true) * weightsOfLoss).sum()], [x])[0];

        using var xr = Batch().requires_grad_(true);
        var mean = xr.mean([0, 1, 2], keepdim: true);
        var variance = (xr - mean).square().mean([0, 1, 2], keepdim: true);
        var reference = (xr - mean) / (variance + Eps).sqrt() * tensor(Gamma.Select(v => (float)v).ToArray())
            + tensor(Beta.Select(v => (float)v).ToArray());
        var expected = autograd.grad([(reference * weightsOfLoss).sum()], [xr])[0];

        LayerTensors.Close(LayerTensors.Values(expected).Select(v => (double)v).ToList(), LayerTensors.Values(grad));
        Assert.True(LayerTensors.Values(expected).Max(Math.Abs) > 0.1f); // the check is not vacuous
    }

    [Fact]
    public void One_value_per_channel_gives_beta_and_finite_statistics()
    {
        var bn = Layer();
        using var x = LayerTensors.Of([5f, -3f], 1, 1, 1, 2);
        using var y = bn.Apply(x, training: true);
        LayerTensors.Close(Beta, LayerTensors.Values(y));
        LayerTensors.Close([0.99, 0.99], Stat(bn, "moving_variance"), 1e-6);
        LayerTensors.Close([0.05, -0.03], Stat(bn, "moving_mean"), 1e-6);
    }

    [Fact]
    public void Weights_are_gamma_beta_trainable_then_moving_statistics_four_per_channel()
    {
        var bn = keras.layers.BatchNormalization();
        bn.Build((4, 4, 3));
        Assert.Equal(["gamma", "beta", "moving_mean", "moving_variance"], bn.weights.Select(w => w.Name));
        Assert.Equal(["gamma", "beta"], bn.trainable_weights.Select(w => w.Name));
        Assert.Equal(["moving_mean", "moving_variance"], bn.non_trainable_weights.Select(w => w.Name));
        Assert.Equal(12, bn.count_params());

        var bare = keras.layers.BatchNormalization(center: false, scale: false);
        bare.Build((4, 4, 3));
        Assert.Equal(["moving_mean", "moving_variance"], bare.weights.Select(w => w.Name));
    }

    [Fact]
    public void Features_of_a_dense_layer_and_a_non_channel_axis_are_normalised_per_that_axis()
    {
        var dense = keras.layers.BatchNormalization(epsilon: 1e-3f);
        using var features = LayerTensors.Of([1, 10, 3, 20, 5, 30, 7, 40], 4, 2); // columns: mean 4 var 5; mean 25 var 125
        using var y = dense.Apply(features, training: true);
        LayerTensors.Close(
            new double[] { 1, 10, 3, 20, 5, 30, 7, 40 }.Select((v, i) => i % 2 == 0 ? (v - 4) / Math.Sqrt(5.001) : (v - 25) / Math.Sqrt(125.001)).ToList(),
            LayerTensors.Values(y));

        // axis=1 is the image height: one set of statistics per row.
        var rows = keras.layers.BatchNormalization(axis: 1);
        using var images = LayerTensors.Of(Enumerable.Range(0, 12).Select(v => (float)(v * v)).ToArray(), 2, 3, 2, 1);
        using var normalised = rows.Apply(images, training: true);
        Assert.Equal(3, rows.weights[0].Size);
        var mean = images.mean([0, 2, 3], keepdim: true);
        var expected = (images - mean) / ((images - mean).square().mean([0, 2, 3], keepdim: true) + Eps).sqrt();
        LayerTensors.Close(LayerTensors.Values(expected).Select(v => (double)v).ToList(), LayerTensors.Values(normalised), 1e-4);
    }

    [Fact]
    public void Bad_arguments_say_what_is_wrong()
    {
        Assert.Contains("momentum", Assert.Throws<ArgumentException>(() => keras.layers.BatchNormalization(momentum: 1.5f)).Message);
        Assert.Contains("epsilon", Assert.Throws<ArgumentException>(() => keras.layers.BatchNormalization(epsilon: 0f)).Message);
        var axis = Assert.Throws<ArgumentException>(() => keras.layers.BatchNormalization(axis: 4, name: "bn_axis").Build((4, 4, 3)));
        Assert.Contains("bn_axis", axis.Message);
        Assert.Contains("[-4, 3]", axis.Message);
        Assert.Contains("batch axis", Assert.Throws<ArgumentException>(() => keras.layers.BatchNormalization(axis: 0).Build((4, 4, 3))).Message);
    }
}
