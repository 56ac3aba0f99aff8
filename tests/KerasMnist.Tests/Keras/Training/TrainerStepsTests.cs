using KerasMnist.Keras.Callbacks;
using KerasMnist.Keras.Models;
using KerasMnist.Tests.Keras.Models;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Training;

/// <summary>
/// fit, evaluate and predict are loops over one step implementation each (Keras's train_step, test_step and
/// predict_step): calling the public steps by hand gives bit for bit what the loops give.
/// </summary>
public class TrainerStepsTests
{
    // L2 on the kernels (the penalty path) and BatchNormalization (non-trainable state that training moves).
    static Model Model(int seed)
    {
        var model = keras.Sequential(
            keras.layers.Dense(6, activation: "relu", input_shape: 4, kernel_regularizer: keras.regularizers.l2(1e-2f)),
            keras.layers.BatchNormalization(),
            keras.layers.Dense(3, kernel_regularizer: keras.regularizers.l2(1e-2f)));
        model.compile(keras.optimizers.Adam(0.01f), keras.losses.SparseCategoricalCrossentropy(from_logits: true), ["accuracy"]);
        SmallData.FixKernels(model, seed);
        return model;
    }

    static void AssertSameWeights(Model a, Model b) =>
        Assert.All(a.weights.Zip(b.weights), p => Assert.True(TestModels.BitwiseEqual(p.First.Value, p.Second.Value), p.First.Name));

    [Fact]
    public void Fit_evaluate_and_predict_give_what_their_steps_give_by_hand()
    {
        var data = new SmallData(count: 10, features: 4, classes: 3, seed: 71);
        var byLoops = Model(seed: 72);
        var bySteps = Model(seed: 72);

        var history = byLoops.fit(data.Batched(4), epochs: 1, verbose: 0);
        Logs? logs = null;
        foreach (var (x, y) in data.Batched(4))
            using (x)
            using (y)
                logs = bySteps.train_step(x, y);
        Assert.Equal(["loss", "accuracy"], logs!.Keys);
        Assert.Equal(history.history["loss"][0], logs["loss"]);
        Assert.Equal(history.history["accuracy"][0], logs["accuracy"]);
        AssertSameWeights(byLoops, bySteps);

        var scores = byLoops.evaluate(data.Batched(3), verbose: 0);
        bySteps.reset_metrics();
        foreach (var (x, y) in data.Batched(3))
            using (x)
            using (y)
                logs = bySteps.test_step(x, y);
        Assert.Equal(scores.ToArray(), logs.Values.ToArray());
        Assert.Equal(bySteps.get_metrics_result().Values, logs.Values);

        using var predicted = byLoops.predict(data.Batched(3));
        var parts = new List<Tensor>();
        foreach (var (x, y) in data.Batched(3))
            using (x)
            using (y)
                parts.Add(bySteps.predict_step(x));
        using var stitched = cat(parts, 0);
        parts.ForEach(p => p.Dispose());
        Assert.True(TestModels.BitwiseEqual(predicted, stitched));
    }

    [Fact]
    public void A_train_step_updates_the_model_and_a_test_step_changes_nothing()
    {
        var data = new SmallData(count: 4, features: 4, classes: 3, seed: 73);
        var model = Model(seed: 74);
        var untouched = Model(seed: 74);
        using var x = tensor(data.X.Select(v => (float)v).ToArray()).reshape(4, 4);
        using var y = tensor(data.Y);

        model.test_step(x, y);
        model.predict_step(x).Dispose();
        AssertSameWeights(model, untouched);

        model.train_step(x, y);
        // Kernels, biases and BatchNormalization's moving statistics all moved; the caller's batch is still usable.
        Assert.All(model.weights.Zip(untouched.weights),
            p => Assert.False(TestModels.BitwiseEqual(p.First.Value, p.Second.Value), p.First.Name));
        Assert.Equal([4L, 4], x.shape);
        Assert.Equal(data.Y, y.data<long>().ToArray());
    }

    [Fact]
    public void Steps_need_a_compiled_model()
    {
        var model = keras.Sequential(keras.layers.Dense(3, input_shape: 4));
        using var x = zeros(2, 4);
        using var y = zeros(2, ScalarType.Int64);
        Assert.Contains("compile()", Assert.Throws<InvalidOperationException>(() => model.train_step(x, y)).Message);
        Assert.Contains("compile()", Assert.Throws<InvalidOperationException>(() => model.test_step(x, y)).Message);
    }
}
