using System.Text;

namespace KerasMnist.Report;

/// <summary>Writes a generated file whole or not at all.</summary>
public static class WholeFile
{
    /// <summary>
    /// Writes <paramref name="text"/> (UTF-8, no byte order mark) to a temporary file beside <paramref name="path"/>, then
    /// moves it over <paramref name="path"/>: a failure leaves the earlier file or none, never half of one.
    /// </summary>
    /// <exception cref="IOException">The folder cannot be written, or <paramref name="path"/> is a folder.</exception>
    public static void Write(string path, string text)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            File.WriteAllText(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
