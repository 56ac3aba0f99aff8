using System.Text.RegularExpressions;
using KerasMnist.Datasets.Core;
using KerasMnist.Keras.Callbacks;
using KerasMnist.Keras.Utils;
using KerasMnist.Tests.Keras.Training;
using static KerasMnist.Keras.KerasApi;

namespace KerasMnist.Tests.Keras.Utils;

/// <summary>
/// Everything Keras prints goes through io_utils.print_msg to the installed library output: the progress bar
/// (one final line per epoch when the output is not interactive, in-place redraws when it is), summary() and warnings.
/// </summary>
public class IoUtilsTests
{
    [Fact]
    public void Fit_prints_epoch_headers_and_one_final_bar_line_per_epoch_to_a_non_interactive_output()
    {
        var data = new SmallData(count: 8, features: 4, classes: 3, seed: 41);
        var model = keras.Sequential(keras.layers.Dense(3, input_shape: 4));
        model.compile(keras.optimizers.Adam(0.01f), keras.losses.SparseCategoricalCrossentropy(from_logits: true), ["accuracy"]);
        var captured = new StringWriter();
        using (LibraryOutput.Use(new LibraryOutput(captured)))
            model.fit(data.Batched(4), epochs: 2, validation_data: data.Batched(4));

        var lines = captured.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Equal("Epoch 1/2", lines[0]);
        Assert.Equal("Epoch 2/2", lines[2]);
        // Values in Keras's format: four decimals, or scientific at magnitudes up to 1e-3 (an accuracy of 0).
        const string Value = @"(\d+\.\d{4}|\d\.\d{4}e[+-]\d\d)";
        var bar = new Regex($@"^2/2 \[={{30}}\] - \d+s \d+(us|ms|s)/step - loss: {Value} - accuracy: {Value} - val_loss: {Value} - val_accuracy: {Value}$");
        Assert.Matches(bar, lines[1]);
        Assert.Matches(bar, lines[3]);
        Assert.DoesNotContain('\r', captured.ToString());
    }

    [Fact]
    public void An_interactive_output_gets_the_bar_redrawn_in_place_and_one_line_end()
    {
        var captured = new StringWriter();
        using (LibraryOutput.Use(new LibraryOutput(captured, interactive: true)))
        {
            var bar = new Progbar(4, interval: 0);
            for (int step = 1; step <= 4; step++)
                bar.update(step, new Logs { ["loss"] = 1.0 / step });
        }
        string text = captured.ToString();
        var frames = text.Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, frames.Length);
        Assert.StartsWith("1/4 [======>.......................] - ETA: ", frames[0]);
        Assert.StartsWith("4/4 [==============================] - ", frames[3]);
        Assert.Contains("loss: 0.2500", frames[3]);
        Assert.EndsWith(Environment.NewLine, text);
        Assert.Equal(text.Length - Environment.NewLine.Length, text.IndexOf(Environment.NewLine, StringComparison.Ordinal));
    }

    [Fact]
    public void Summary_and_warnings_print_to_the_installed_output_and_nowhere_without_one()
    {
        var captured = new StringWriter();
        var model = keras.Sequential([
            keras.layers.Dense(3, input_shape: 4),
            keras.layers.Dense(3, activation: "softmax")], name: "printed_model");
        using (LibraryOutput.Use(new LibraryOutput(captured)))
        {
            model.summary();
            model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: true));
        }
        string text = captured.ToString();
        Assert.StartsWith("Model: \"printed_model\"" + Environment.NewLine, text);
        Assert.Contains("Total params: 27 (108.00 Byte)", text);
        Assert.Contains("Warning: model \"printed_model\" ends in a softmax", text);

        // Without an installed output nothing is written (and nothing fails).
        model.summary();
        io_utils.print_msg("into the void");
        Assert.Equal(text, captured.ToString());
    }
}
