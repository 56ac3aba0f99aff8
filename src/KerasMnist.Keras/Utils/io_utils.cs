using KerasMnist.Datasets.Core;

namespace KerasMnist.Keras.Utils;

/// <summary>
/// <c>keras.utils.io_utils</c>: the one way Keras's code here prints (progress bars, <c>Epoch i/N</c>, <c>summary()</c>,
/// callbacks' messages, warnings). Everything goes to <see cref="LibraryOutput.Current"/>, the writer the program
/// installs (shared with the data library); Keras prints to <c>sys.stdout</c> instead, which a Python program
/// redirects the same way. Nothing is written until a program installs an output.
/// </summary>
public static class io_utils
{
    /// <summary>
    /// <c>io_utils.print_msg(message, line_break=True)</c>: writes <paramref name="message"/>, followed by a newline
    /// unless <paramref name="line_break"/> is false (a progress bar rewriting its line), and flushes.
    /// </summary>
    public static void print_msg(string message, bool line_break = true)
    {
        var writer = LibraryOutput.Current.Writer;
        if (line_break)
            writer.WriteLine(message);
        else
            writer.Write(message);
        writer.Flush();
    }

    /// <summary>Whether the installed output is a terminal a person watches: a progress bar then redraws its line in place.</summary>
    public static bool is_interactive => LibraryOutput.Current.Interactive;
}
