using KerasMnist.Keras.Models;
using KerasMnist.Tests.Keras.Training;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Models;

/// <summary>
/// get_state_tree / set_state_tree put a model back exactly: weights, BatchNormalization's statistics, the
/// optimizer's moments and step count, the metrics. Training on from a restored state is bit for bit training on
/// from the state it was taken in.
/// </summary>
public class StateTreeTests
{
    static Model Model(int seed)
    {
        var model = keras.Sequential(
            keras.layers.Dense(6, activation: "relu", input_shape: 4),
            keras.layers.BatchNormalization(),
            keras.layers.Dense(3));
        model.compile(keras.optimizers.Adam(0.01f), keras.losses.SparseCategoricalCrossentropy(from_logits: true), ["accuracy"]);
        SmallData.FixKernels(model, seed);
        return model;
    }

    [Theory]
    [InlineData(0)] // the optimizer has never stepped: a fresh Adam
    [InlineData(1)] // mid-training: Adam's moments and step count matter
    public void Steps_taken_between_get_and_set_leave_no_trace(int epochsBefore)
    {
        var data = new SmallData(count: 12, features: 4, classes: 3, seed: 81);
        var probed = Model(seed: 82);
        var plain = Model(seed: 82);
        if (epochsBefore > 0)
        {
            probed.fit(data.Batched(4), epochs: epochsBefore, verbose: 0);
            plain.fit(data.Batched(4), epochs: epochsBefore, verbose: 0);
        }

        long iterations = probed.optimizer!.iterations;
        using (var state = probed.get_state_tree())
        {
            Assert.Equal(probed.trainable_weights.Count(), state.trainable_variables.Count);
            Assert.Equal(2, state.non_trainable_variables.Count); // moving mean and variance
            Assert.Equal(1 + 2 * state.trainable_variables.Count, state.optimizer_variables.Count);
            Assert.Equal(2, state.metrics_variables.Count); // loss tracker, accuracy
            foreach (var (x, y) in data.Batched(4))
                using (x)
                using (y)
                    probed.train_step(x, y);
            Assert.Equal(iterations + 3, probed.optimizer.iterations);
            probed.set_state_tree(state);
        }

        Assert.Equal(plain.optimizer!.iterations, probed.optimizer!.iterations);
        Assert.Equal(plain.get_metrics_result(), probed.get_metrics_result());
        var a = probed.fit(data.Batched(4), epochs: 2, verbose: 0);
        var b = plain.fit(data.Batched(4), epochs: 2, verbose: 0);
        Assert.Equal(b.history["loss"], a.history["loss"]);
        Assert.All(probed.weights.Zip(plain.weights), p => Assert.True(TestModels.BitwiseEqual(p.First.Value, p.Second.Value), p.First.Name));
    }

    [Fact]
    public void A_state_from_another_model_is_refused()
    {
        var small = Model(seed: 83);
        var other = keras.Sequential(keras.layers.Dense(3, input_shape: 4));
        other.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: true));
        using var state = other.get_state_tree();
        var error = Assert.Throws<ArgumentException>(() => small.set_state_tree(state));
        Assert.Contains("does not fit model", error.Message);
    }
}
