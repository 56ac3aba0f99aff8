using KerasMnist.Keras.Trainers.DataAdapters;
using KerasMnist.Tests.Datasets.Data;
using KerasMnist.Tests.Keras.Training;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Trainers.DataAdapters;

/// <summary>A tf.data Dataset as fit takes it: batched by its pipeline, so y and batch_size are Keras's errors.</summary>
public class TFDatasetAdapterTests
{
    [Fact]
    public void A_dataset_yields_its_batches_and_knows_their_number()
    {
        var data = new SmallData(count: 10, features: 4, classes: 3, seed: 53);
        DataAdapter adapter = data.Batched(4);
        Assert.IsType<TFDatasetAdapter>(adapter);
        Assert.Equal(3, adapter.num_batches);
        var sizes = adapter.get_torch_dataloader().Select(b =>
        {
            using (b.x) using (b.y) return (b.x.shape[0], b.y!.shape[0]);
        }).ToList();
        Assert.Equal([(4L, 4L), (4L, 4L), (2L, 2L)], sizes);
        // tf.data.UNKNOWN_CARDINALITY: the progress bar then counts without a total, as Keras's does.
        Assert.Null(((DataAdapter)new ElementsOfUnknownCount(3)).num_batches);
    }

    [Fact]
    public void Targets_or_a_batch_size_beside_a_dataset_are_keras_errors()
    {
        var data = new SmallData(count: 4, features: 4, classes: 3, seed: 54);
        var model = keras.Sequential(keras.layers.Dense(3, input_shape: 4));
        model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: true));
        using var y = zeros(4, ScalarType.Int64);

        var withY = Assert.Throws<ArgumentException>(() => model.fit(data.Batched(2), y, verbose: 0));
        Assert.Contains("When providing `x` as a tf.data.Dataset, `y` should not be passed", withY.Message);
        var withBatch = Assert.Throws<ArgumentException>(() => model.evaluate(data.Batched(2), batch_size: 2, verbose: 0));
        Assert.Contains("do not specify `batch_size`", withBatch.Message);
    }
}
