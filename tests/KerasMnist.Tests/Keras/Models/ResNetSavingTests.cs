using KerasMnist.Keras.Models;
using KerasMnist.Tests.Datasets.Fixtures;
using KerasMnist.Tests.Isolation;
using static KerasMnist.Keras.KerasApi;

namespace KerasMnist.Tests.Keras.Models;

/// <summary>
/// The notebook's ResNet50 (28×28×1 input padded to 32×32): Keras's totals, and a save/load of its 177-layer graph.
/// Runs in a child process (<see cref="Isolated"/>): its predictions drive every kind of convolution natively.
/// </summary>
[Collection(WholeModelCollection.Name)]
public class ResNetSavingTests
{
    [Fact]
    public void ResNet50_summary_totals_and_reload_match() => Isolated.Run(SummaryAndReload);

    static void SummaryAndReload(string[] args)
    {
        Isolated.Step("building");
        var input = keras.layers.Input((28, 28, 1));
        var padded = keras.layers.ZeroPadding2D(padding: (2, 2)).Apply(input);
        var model = keras.applications.ResNet50(include_top: true, input_tensor: padded, pooling: "avg", weights: null, classes: 10);

        var lines = TestModels.SummaryLines(model);
        Assert.Equal(98, lines[1].Length);
        Assert.Equal("Total params: 23601930 (90.03 MB)", lines[^4]);
        Assert.Equal("Trainable params: 23548810 (89.83 MB)", lines[^3]);
        Assert.Equal("Non-trainable params: 53120 (207.50 KB)", lines[^2]);

        Isolated.Step("save and load");
        using var folder = new TempFolder();
        var path = folder.Combine("resnet.keras");
        model.save(path);
        var loaded = Assert.IsType<Functional>(keras.models.load_model(path));
        Assert.Equal(lines, TestModels.SummaryLines(loaded));
        using var batch = TestModels.Images(2, seed: 60);
        Isolated.Step("predict with the model and its reload");
        using var expected = model.predict(batch);
        using var actual = loaded.predict(batch);
        Assert.True(TestModels.BitwiseEqual(expected, actual));
    }
}
