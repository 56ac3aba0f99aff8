using KerasMnist.Datasets.Data;
using KerasMnist.Keras.Models;
using KerasMnist.Tests.Fixtures;
using KerasMnist.Tests.Isolation;
using KerasMnist.Tests.Keras.Models;
using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Saving;

/// <summary>
/// The notebook's ResNet50 (28×28×1 input padded to 32×32): Keras's totals, and a save/load of its 177-layer graph with
/// 53 BatchNormalization layers and Adam's state, on a few images so it stays quick. Each test runs in a child process
/// (<see cref="Isolated"/>): its predictions and training steps drive every kind of convolution natively.
/// </summary>
[Collection(WholeModelCollection.Name)]
public class ResNetSavingTests
{
    static Functional NotebookResNet()
    {
        var input = keras.layers.Input((28, 28, 1));
        var padded = keras.layers.ZeroPadding2D(padding: (2, 2)).Apply(input);
        return keras.applications.ResNet50(include_top: true, input_tensor: padded, pooling: "avg", weights: null, classes: 10);
    }

    [Fact]
    public void ResNet50_summary_totals_and_reload_match() => Isolated.Run(SummaryAndReload);

    static void SummaryAndReload(string[] args)
    {
        Isolated.Step("building");
        var model = NotebookResNet();

        var lines = TestModels.SummaryLines(model);
        Assert.Equal(98, lines[1].Length);
        Assert.Equal("Total params: 23601930 (90.03 MB)", lines[^4]);
        Assert.Equal("Trainable params: 23548810 (89.83 MB)", lines[^3]);
        Assert.Equal("Non-trainable params: 53120 (207.50 KB)", lines[^2]);

        Isolated.Step("save and load");
        using var folder = new TempFolder();
        var path = folder.Combine("resnet.keras");
        model.save(path);
        // Keras's per-class paths follow its layer order (by depth): in block 1 the shortcut convolution comes after the
        // main path's 1x1 and 3x3 ones, so it is conv2d_3 and the last 1x1 conv2d_4 (both (1, 1, 64, 256)).
        using (var zip = System.IO.Compression.ZipFile.OpenRead(path))
        using (var bytes = new MemoryStream())
        {
            using (var s = zip.GetEntry("model.weights.h5")!.Open()) s.CopyTo(bytes);
            bytes.Position = 0;
            using var h5 = PureHDF.H5File.Open(bytes);
            foreach (var (file, layer) in new[] { ("conv2d_3", "conv2_block1_0_conv"), ("conv2d_4", "conv2_block1_3_conv") })
            {
                var kernel = ((KerasMnist.Keras.Layers.Conv2D)model.layers.Single(l => l.name == layer)).kernel!.numpy();
                Assert.Equal(kernel.data<float>().ToArray(), PureHDF.IH5GroupExtensions.Dataset(h5, $"layers/{file}/vars/0").Read<float[]>());
            }
        }
        var loaded = Assert.IsType<Functional>(keras.models.load_model(path));
        Assert.Equal(lines, TestModels.SummaryLines(loaded));
        Isolated.Step("predict with the model and its reload");
        using var batch = TestModels.Images(2, seed: 60);
        using var expected = model.predict(batch);
        using var actual = loaded.predict(batch);
        Assert.True(TestModels.BitwiseEqual(expected, actual));
    }

    [Fact]
    public void A_reloaded_ResNet50_trains_on_exactly_as_the_saved_one() => Isolated.Run(TrainsOnAfterReload);

    static void TrainsOnAfterReload(string[] args)
    {
        Isolated.Step("one training step");
        var model = NotebookResNet();
        model.compile(keras.optimizers.Adam(0.001f), keras.losses.SparseCategoricalCrossentropy(), ["accuracy"]);
        using var x = TestModels.Images(4, seed: 61);
        using var y = tensor(new long[] { 3, 1, 4, 1 });
        var data = Dataset.from_tensor_slices(x, y).batch(4);
        model.fit(data, verbose: 0);

        Isolated.Step("save, load and train both on");
        using var folder = new TempFolder();
        var path = folder.Combine("resnet.keras");
        model.save(path);
        var loaded = keras.models.load_model(path);
        Assert.Equal(1, loaded.optimizer!.iterations);
        // Training moved the moving statistics away from their start; they came back with the weights.
        var bn = loaded.layers.OfType<KerasMnist.Keras.Layers.BatchNormalization>().First();
        Assert.True(bn.moving_mean!.numpy().abs().sum().item<float>() > 0);

        var continued = model.fit(data, verbose: 0).history["loss"][0];
        var resumed = loaded.fit(data, verbose: 0).history["loss"][0];
        Assert.Equal(continued, resumed);
        for (int i = 0; i < model.weights.Count; i++)
            Assert.True(TestModels.BitwiseEqual(model.weights[i].Value, loaded.weights[i].Value),
                $"weight {i} ({model.weights[i].Name}) differs after one more step");
    }
}
