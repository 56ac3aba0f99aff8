using System.Text;

namespace KerasMnist.Tutorial;

/// <summary>
/// The libraries' writer (<see cref="Terminal.LibraryWriter"/>): writes everything through to the terminal unchanged
/// and hands each finished line to the terminal's <see cref="ITerminalTap"/>. A carriage return starts its line
/// over, as it does on the screen, so a progress bar redrawn in place arrives once, in its final state.
/// </summary>
sealed class TappedWriter(TextWriter inner, Func<ITerminalTap?> tap) : TextWriter
{
    readonly StringBuilder line = new();
    bool carriageReturn;

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        inner.Write(value);
        lock (line) Take(value);
    }

    public override void Write(string? value)
    {
        inner.Write(value);
        lock (line)
            foreach (var c in value ?? "") Take(c);
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Flush() => inner.Flush();

    void Take(char c)
    {
        if (c == '\n')
        {
            // "\r\n" ends a line; it does not start it over.
            tap()?.Text(line.ToString().TrimEnd());
            line.Clear();
            carriageReturn = false;
            return;
        }
        if (carriageReturn) line.Clear();
        carriageReturn = c == '\r';
        if (!carriageReturn) line.Append(c);
    }
}
