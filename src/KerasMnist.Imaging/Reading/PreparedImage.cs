using KerasMnist.Imaging.Preprocessing;
using KerasMnist.Imaging.Segmentation;

namespace KerasMnist.Imaging.Reading;

/// <summary>How an image is read: as one digit, as a field of digits, or decided from the ink.</summary>
public enum FieldMode
{
    /// <summary>A field when the ink falls into several digit-sized parts side by side, else one digit.</summary>
    Auto,
    /// <summary>Always one digit, however the ink is laid out.</summary>
    Digit,
    /// <summary>Always a field (an amount or date): segmented, touching digits split.</summary>
    Field,
}

/// <summary>
/// An image file made ready for an MNIST model: the 28x28 image of each digit it shows (white on black, 0..255)
/// and, for a field, where its separators stood. Made without a model, so it can run on several threads; then
/// <see cref="DigitReader.Predict"/> reads any number of them in one batch.
/// </summary>
public sealed class PreparedImage
{
    PreparedImage(string file, bool isField, IReadOnlyList<GrayImage> digits, IReadOnlyList<int> separators)
    {
        File = file;
        IsField = isField;
        Digits = digits;
        SeparatorPositions = separators;
    }

    /// <summary>The file (or name) the image came from.</summary>
    public string File { get; }

    /// <summary>Whether the image was read as a field of digits.</summary>
    public bool IsField { get; }

    /// <summary>The 28x28 image of each digit, left to right, as the model sees it before scaling (0..255).</summary>
    public IReadOnlyList<GrayImage> Digits { get; }

    /// <summary>For each separator (comma, point) of a field, how many digits stand before it.</summary>
    public IReadOnlyList<int> SeparatorPositions { get; }

    /// <summary>Decodes <paramref name="path"/> (upright, by its EXIF orientation) and prepares it.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="ImageInputException">Not an image, truncated, too large, or blank (no ink).</exception>
    public static PreparedImage FromFile(string path, FieldMode mode = FieldMode.Auto) =>
        FromImage(path, ImageFile.Load(path, applyOrientation: true), mode);

    /// <summary>
    /// Prepares every file of <paramref name="paths"/> on all cores, in order. Files that cannot be read are collected,
    /// so one error names all of them with each one's reason, and nothing is returned for the others.
    /// </summary>
    /// <exception cref="InvalidDataException">One or more files cannot be read (missing, not an image, truncated, too
    /// large, blank); with one, its own message, which starts with the file's name.</exception>
    public static PreparedImage[] FromFiles(IReadOnlyList<string> paths, FieldMode mode = FieldMode.Auto)
    {
        var prepared = new PreparedImage[paths.Count];
        var errors = new string?[paths.Count];
        Parallel.For(0, paths.Count, i =>
        {
            try
            {
                prepared[i] = FromFile(paths[i], mode);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // ImageInputException and FileNotFoundException already start with the file's name.
                errors[i] = e is ImageInputException or FileNotFoundException ? e.Message : $"{paths[i]}: {e.Message}";
            }
        });
        var failed = errors.Where(e => e is not null).ToList();
        if (failed.Count == 1) throw new InvalidDataException(failed[0]);
        if (failed.Count > 1)
            throw new InvalidDataException($"{failed.Count} of {paths.Count} images cannot be read:\n  " + string.Join("\n  ", failed));
        return prepared;
    }

    /// <summary>
    /// Prepares a decoded image: <see cref="MnistPreprocessing.FindInk(Image)"/>, then for a field
    /// <see cref="FieldSegmenter.Segment"/>, then <see cref="MnistPreprocessing.ToMnist"/> for each digit.
    /// </summary>
    /// <param name="name">The file name to report in errors and results.</param>
    /// <param name="image">The decoded image.</param>
    /// <param name="mode">Digit, field, or decided from the ink.</param>
    /// <exception cref="ImageInputException">The image shows no ink.</exception>
    public static PreparedImage FromImage(string name, Image image, FieldMode mode = FieldMode.Auto)
    {
        var ink = MnistPreprocessing.FindInk(image);
        if (ink.IsBlank)
            throw new ImageInputException(name, ImageProblem.Blank,
                $"{name}: no ink found: the image is blank, one flat colour, or its marks are fainter than " +
                $"{MnistPreprocessing.MinInkContrast:F0} of 255 grey levels. Use an image of a digit written with a dark pen on light paper (or light on dark).");
        if (mode == FieldMode.Digit) return new PreparedImage(name, false, [MnistPreprocessing.ToMnist(ink)], []);

        var field = FieldSegmenter.Segment(ink);
        if (mode == FieldMode.Auto && !field.IsField) return new PreparedImage(name, false, [MnistPreprocessing.ToMnist(ink)], []);
        if (field.Digits.Count == 0)
            throw new ImageInputException(name, ImageProblem.Blank, $"{name}: the field holds no digit-sized ink, only small marks. Check that the image shows the digits.");
        return new PreparedImage(name, true, field.Digits.Select(d => MnistPreprocessing.ToMnist(ink, d)).ToList(), field.SeparatorPositions);
    }
}
