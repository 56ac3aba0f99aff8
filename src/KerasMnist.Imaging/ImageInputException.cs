namespace KerasMnist.Imaging;

/// <summary>What was wrong with an image file or its content.</summary>
public enum ImageProblem
{
    /// <summary>The bytes are no image format SkiaSharp decodes (PNG, JPEG, BMP, WebP, GIF, ICO).</summary>
    NotAnImage,
    /// <summary>The file ends before the image data does.</summary>
    Truncated,
    /// <summary>The header announces more pixels than <see cref="ImageFile.MaxPixels"/>.</summary>
    TooLarge,
    /// <summary>The image decodes but shows no ink: blank paper, one flat colour, or noise only.</summary>
    Blank,
    /// <summary>The file cannot be written in the format its extension asks for.</summary>
    UnsupportedFormat,
}

/// <summary>
/// An image file that cannot be read or written as asked, with the file's path and what to do in
/// <see cref="Exception.Message"/>. An <see cref="IOException"/>, so callers that report IO errors report it too.
/// </summary>
public sealed class ImageInputException : IOException
{
    /// <summary>Creates the exception; <paramref name="message"/> should name the file and the remedy.</summary>
    public ImageInputException(string path, ImageProblem problem, string message) : base(message)
    {
        FilePath = path;
        Problem = problem;
    }

    /// <summary>The file concerned, as the caller named it.</summary>
    public string FilePath { get; }

    /// <summary>What was wrong.</summary>
    public ImageProblem Problem { get; }
}
