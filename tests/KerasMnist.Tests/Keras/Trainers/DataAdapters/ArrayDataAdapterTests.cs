using KerasMnist.Datasets.Data;
using KerasMnist.Keras.Trainers.DataAdapters;
using KerasMnist.Tests.Keras.Models;
using KerasMnist.Tests.Keras.Training;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Trainers.DataAdapters;

/// <summary>
/// Tensors in memory as fit, evaluate and predict take them (<c>model.fit(x, y, batch_size: 128)</c>,
/// <c>model.predict(x)</c>): cut into batches along axis 0, the same numbers as the equivalent tf.data pipeline.
/// </summary>
public class ArrayDataAdapterTests
{
    static (Tensor x, Tensor y) Rows(int n)
    {
        var x = arange(n * 2, ScalarType.Float32).reshape(n, 2);
        var y = arange(n, ScalarType.Int64);
        return (x, y);
    }

    static List<long[]> Labels(DataAdapter adapter) =>
        adapter.get_torch_dataloader().Select(b =>
        {
            using (b.x)
            using (b.y)
            {
                // Each row of x belongs to its label: x[i] = (2i, 2i + 1).
                Assert.Equal(b.y!.data<long>().ToArray().Select(i => (float)(2 * i)), b.x.select(1, 0).data<float>().ToArray());
                return b.y.data<long>().ToArray();
            }
        }).ToList();

    [Fact]
    public void Rows_are_cut_into_batches_in_order_with_a_smaller_last_one_and_32_by_default()
    {
        var (x, y) = Rows(10);
        using (x)
        using (y)
        {
            var adapter = new ArrayDataAdapter(x, y, batch_size: 4);
            Assert.Equal(3, adapter.num_batches);
            Assert.Equal([[0L, 1, 2, 3], [4L, 5, 6, 7], [8L, 9]], Labels(adapter));
            Assert.Equal(32, new ArrayDataAdapter(x, y).batch_size);
            Assert.Equal(1, new ArrayDataAdapter(x, y).num_batches);
        }
    }

    [Fact]
    public void Shuffling_gives_every_pass_a_new_permutation()
    {
        var (x, y) = Rows(64);
        using (x)
        using (y)
        {
            var adapter = new ArrayDataAdapter(x, y, batch_size: 10, shuffle: true);
            var first = Labels(adapter).SelectMany(b => b).ToArray();
            var second = Labels(adapter).SelectMany(b => b).ToArray();
            Assert.Equal(Enumerable.Range(0, 64).Select(i => (long)i), first.Order());
            Assert.Equal(Enumerable.Range(0, 64).Select(i => (long)i), second.Order());
            Assert.NotEqual(first, second);
            Assert.NotEqual(Enumerable.Range(0, 64).Select(i => (long)i), first);
        }
    }

    [Fact]
    public void Bad_arrays_and_arguments_are_clear_errors()
    {
        var (x, y) = Rows(5);
        using (x)
        using (y)
        using (var short_y = arange(4, ScalarType.Int64))
        {
            Assert.Contains("same number of examples", Assert.Throws<ArgumentException>(() => new ArrayDataAdapter(x, short_y)).Message);
            Assert.Contains("batch_size must be at least 1", Assert.Throws<ArgumentException>(() => new ArrayDataAdapter(x, y, batch_size: 0)).Message);
            DataAdapter pair = (x, y);
            Assert.Contains("given twice", Assert.Throws<ArgumentException>(() => pair.configure("fit", y, null, false)).Message);

            var model = keras.Sequential(keras.layers.Dense(3, input_shape: 2));
            model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: true));
            Assert.Contains("fit needs targets", Assert.Throws<ArgumentException>(() => model.fit(x, verbose: 0)).Message);
        }
    }

    [Fact]
    public void Fit_evaluate_and_predict_on_tensors_equal_the_same_batches_from_a_dataset()
    {
        var train = new SmallData(count: 10, features: 4, classes: 3, seed: 51);
        var valid = new SmallData(count: 7, features: 4, classes: 3, seed: 52);
        using var x = tensor(train.X.Select(v => (float)v).ToArray()).reshape(10, 4);
        using var y = tensor(train.Y);
        using var x_val = tensor(valid.X.Select(v => (float)v).ToArray()).reshape(7, 4);
        using var y_val = tensor(valid.Y);

        var fromTensors = Model(seed: 61);
        var fromDataset = Model(seed: 61);
        var a = fromTensors.fit(x, y, batch_size: 4, epochs: 2, verbose: 0, shuffle: false, validation_data: (x_val, y_val));
        var b = fromDataset.fit(train.Batched(4), epochs: 2, verbose: 0, validation_data: valid.Batched(4));

        Assert.Equal(b.history.Keys, a.history.Keys);
        foreach (var key in a.history.Keys) Assert.Equal(b.history[key], a.history[key]); // exact: the same steps
        Assert.All(fromTensors.weights.Zip(fromDataset.weights), p => Assert.True(TestModels.BitwiseEqual(p.First.Value, p.Second.Value)));

        Assert.Equal(fromDataset.evaluate(valid.Batched(3), verbose: 0).ToArray(), fromTensors.evaluate(x_val, y_val, batch_size: 3, verbose: 0).ToArray());
        using var predicted = fromTensors.predict(x_val, batch_size: 3);
        using var expected = fromDataset.predict(valid.Batched(3));
        Assert.Equal([7L, 3], predicted.shape);
        Assert.True(TestModels.BitwiseEqual(expected, predicted));
    }

    static KerasMnist.Keras.Models.Model Model(int seed)
    {
        var model = keras.Sequential(keras.layers.Dense(5, activation: "relu", input_shape: 4), keras.layers.Dense(3));
        model.compile(keras.optimizers.Adam(0.01f), keras.losses.SparseCategoricalCrossentropy(from_logits: true), ["accuracy"]);
        SmallData.FixKernels(model, seed);
        return model;
    }
}
