using KerasMnist.Keras.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace KerasMnist.Imaging.Reading;

/// <summary>
/// Reads handwritten digits from image files with a trained MNIST model: each image is prepared as MNIST was made
/// (<see cref="PreparedImage"/>), then all of them go through <c>model.predict</c> in one batch of
/// <c>(N, 28, 28, 1)</c> (or <c>(N, 28, 28)</c>, as the model's input asks) float32 values <c>pixel / scale</c>.
/// </summary>
public sealed class DigitReader
{
    /// <summary>Below this top probability a reading is flagged as uncertain.</summary>
    public const float DefaultLowConfidence = 0.7f;

    readonly long[] inputShape;

    /// <summary>Checks that <paramref name="model"/> takes 28x28 grey images and gives 10 scores.</summary>
    /// <param name="model">A built (trained or loaded) Keras model.</param>
    /// <param name="scale">What the pixels 0..255 are divided by: 255 as the notebook's <c>normalize_img</c>, 1 for a model trained on raw values.</param>
    /// <param name="lowConfidence">The probability below which a digit is flagged as uncertain.</param>
    /// <exception cref="ArgumentException">The model's input is not 28x28 grey, its output not 10 classes, or scale is not positive.</exception>
    public DigitReader(Model model, float scale = 255f, float lowConfidence = DefaultLowConfidence)
    {
        if (!(scale > 0)) throw new ArgumentException($"scale must be positive (255 divides pixels by 255, 1 keeps 0..255), got {scale}.");
        // A Sequential whose first layer declares input_shape has built its layers but may not report model.input_shape
        // yet; its first layer's input shape is the same thing.
        var shape = model.input_shape ?? model.layers.FirstOrDefault()?.BuiltInputShape
            ?? throw new ArgumentException("The model has no input shape yet (it was never built): train it, load a saved one, or give its first layer input_shape: (28, 28, 1).");
        var dims = shape.Dims;
        bool grey28 = dims is [28, 28, 1] or [28, 28];
        if (!grey28)
            throw new ArgumentException($"The model expects input of shape {shape.ToBatchString()}, but digit images are 28x28 grey: " +
                                        "(None, 28, 28, 1) or (None, 28, 28). Use a model trained on MNIST-sized images.");
        var output = model.output_shape ?? model.compute_output_shape(shape);
        if (output.Dims is not [10])
            throw new ArgumentException($"The model's output has shape {output.ToBatchString()}; reading digits needs 10 scores, one per digit (None, 10).");
        Model = model;
        Scale = scale;
        LowConfidence = lowConfidence;
        inputShape = dims.Select(d => (long)d).ToArray();
    }

    /// <summary>The model.</summary>
    public Model Model { get; }

    /// <summary>The divisor of the pixels (255 or 1).</summary>
    public float Scale { get; }

    /// <summary>The probability below which a digit is flagged.</summary>
    public float LowConfidence { get; }

    /// <summary>Reads one image file.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="ImageInputException">Not an image, truncated, too large, or blank.</exception>
    public Reading Read(string path, FieldMode mode = FieldMode.Auto) => Predict([PreparedImage.FromFile(path, mode)])[0];

    /// <summary>Reads many image files: decoded and prepared on all cores (<see cref="PreparedImage.FromFiles"/>), predicted in one batch.</summary>
    /// <exception cref="InvalidDataException">One or more files cannot be read; the message names each with its reason.</exception>
    public IReadOnlyList<Reading> Read(IEnumerable<string> paths, FieldMode mode = FieldMode.Auto) =>
        Predict(PreparedImage.FromFiles(paths.ToList(), mode));

    /// <summary>Runs the model on every digit of <paramref name="images"/> in one <c>model.predict</c> call.</summary>
    public IReadOnlyList<Reading> Predict(IReadOnlyList<PreparedImage> images)
    {
        var inputs = images.SelectMany(p => p.Digits).ToList();
        if (inputs.Count == 0) return images.Select(p => new Reading(p.File, p.IsField, [], p.SeparatorPositions)).ToList();
        var values = new float[inputs.Count * 784];
        for (int i = 0; i < inputs.Count; i++)
            for (int j = 0; j < 784; j++) values[i * 784 + j] = inputs[i].Pixels[j] / Scale;

        float[] probabilities;
        using (var scope = NewDisposeScope())
        {
            var x = tensor(values, [inputs.Count, .. inputShape]);
            var y = Model.predict(x, batch_size: 256);
            probabilities = AsProbabilities(y).data<float>().ToArray();
        }
        var readings = new List<Reading>(images.Count);
        int next = 0;
        foreach (var image in images)
        {
            var digits = new List<DigitPrediction>(image.Digits.Count);
            foreach (var input in image.Digits)
            {
                digits.Add(Prediction(probabilities[(next * 10)..(next * 10 + 10)], input));
                next++;
            }
            readings.Add(new Reading(image.File, image.IsField, digits, image.SeparatorPositions));
        }
        return readings;
    }

    // The notebook's models end in Dense(10) without softmax (from_logits=True); a model ending in softmax gives
    // probabilities already. Rows that are all in [0, 1] and sum to 1 are taken as probabilities.
    static Tensor AsProbabilities(Tensor y)
    {
        bool alreadyProbabilities = y.min().item<float>() >= 0 && y.max().item<float>() <= 1 &&
                                    (y.sum(1) - 1).abs().max().item<float>() < 1e-3f;
        return alreadyProbabilities ? y : nn.functional.softmax(y, 1);
    }

    DigitPrediction Prediction(float[] p, Preprocessing.GrayImage input)
    {
        var ranked = Enumerable.Range(0, 10).Select(d => (Digit: d, Probability: p[d])).ToArray()
            .OrderByDescending(c => c.Probability).Take(3).ToList();
        return new DigitPrediction(ranked[0].Digit, ranked[0].Probability, ranked, ranked[0].Probability < LowConfidence, input);
    }
}
