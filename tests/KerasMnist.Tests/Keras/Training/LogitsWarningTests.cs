using KerasMnist.Datasets.Core;
using static KerasMnist.Keras.KerasApi;

namespace KerasMnist.Tests.Keras.Training;

/// <summary>
/// A softmax output compiled with from_logits: true trains on squashed values; compile warns through the library
/// output (captured per test, so these run in parallel with everything else).
/// </summary>
public class LogitsWarningTests
{
    static string OutputOfCompile(string outputActivation, bool from_logits)
    {
        var model = keras.Sequential([
            keras.layers.Dense(8, activation: "relu", input_shape: 4),
            keras.layers.Dense(3, activation: outputActivation)], name: "probe_model");
        var captured = new StringWriter();
        using (LibraryOutput.Use(new LibraryOutput(captured)))
            model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: from_logits));
        return captured.ToString();
    }

    [Fact]
    public void Softmax_output_with_from_logits_true_warns_naming_the_model_and_the_fix()
    {
        var warning = OutputOfCompile("softmax", from_logits: true);
        Assert.Contains("probe_model", warning);
        Assert.Contains("softmax", warning);
        Assert.Contains("from_logits", warning);
    }

    [Theory]
    [InlineData("softmax", false)]
    [InlineData("linear", true)]
    public void Consistent_output_and_loss_do_not_warn(string activation, bool from_logits) =>
        Assert.Equal("", OutputOfCompile(activation, from_logits));
}
