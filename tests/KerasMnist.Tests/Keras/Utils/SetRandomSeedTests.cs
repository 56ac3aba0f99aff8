using KerasMnist.Datasets;
using KerasMnist.Tests.Keras.Training;
using static KerasMnist.Keras.KerasApi;
using static KerasMnist.Tests.Datasets.Data.TestPipelines;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Utils;

/// <summary>keras.utils.set_random_seed is the one seeding call: it reaches torch's generator and every unseeded shuffle.</summary>
[Collection(GlobalStateCollection.Name)]
public class SetRandomSeedTests
{
    [Fact]
    public void One_call_seeds_torch_exactly_as_torch_manual_seed_does()
    {
        keras.utils.set_random_seed(5);
        using var fromKeras = rand(8);
        manual_seed(5);
        using var fromTorch = rand(8);
        manual_seed(6);
        using var otherSeed = rand(8);

        Assert.Equal(fromTorch.data<float>().ToArray(), fromKeras.data<float>().ToArray());
        Assert.NotEqual(fromTorch.data<float>().ToArray(), otherSeed.data<float>().ToArray());
    }

    [Fact]
    public void One_call_seeds_unseeded_shuffles_exactly_as_tf_random_set_seed_does()
    {
        keras.utils.set_random_seed(5);
        var fromKeras = Labels(Range(300).shuffle(300));
        tf.random.set_seed(5);
        var fromTf = Labels(Range(300).shuffle(300));
        tf.random.set_seed(6);
        var otherSeed = Labels(Range(300).shuffle(300));

        Assert.Equal(fromTf, fromKeras);
        Assert.NotEqual(fromTf, otherSeed);
    }
}
