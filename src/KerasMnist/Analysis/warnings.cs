namespace KerasMnist.Analysis;

/// <summary>
/// The part of Python's <c>warnings</c> module the sklearn counterparts need: <see cref="warn"/> prints
/// <c>"{category}: {message}"</c> to stderr, and <see cref="catch_warnings"/> records instead
/// (<c>warnings.catch_warnings(record=True)</c>), for the current thread/async flow only.
/// </summary>
public static class warnings
{
    private static readonly AsyncLocal<List<string>?> Recording = new();

    /// <summary><c>warnings.warn(message, category)</c>.</summary>
    public static void warn(string message, string category = "UserWarning")
    {
        var line = $"{category}: {message}";
        if (Recording.Value is { } records) records.Add(line);
        else Console.Error.WriteLine(line);
    }

    /// <summary>
    /// <c>with warnings.catch_warnings(record=True) as w:</c> — until the returned recorder is disposed,
    /// warnings raised on this flow go to <see cref="WarningRecorder.records"/> instead of stderr.
    /// </summary>
    public static WarningRecorder catch_warnings() => new(Recording);
}

/// <summary>The list a <see cref="warnings.catch_warnings"/> block records into.</summary>
public sealed class WarningRecorder : IDisposable
{
    private readonly AsyncLocal<List<string>?> _slot;
    private readonly List<string>? _previous;
    private readonly List<string> _records = [];

    internal WarningRecorder(AsyncLocal<List<string>?> slot)
    {
        _slot = slot;
        _previous = slot.Value;
        slot.Value = _records;
    }

    /// <summary>Each recorded warning as <c>"{category}: {message}"</c>, in order.</summary>
    public IReadOnlyList<string> records => _records;

    /// <summary>Restores the previous destination (stderr or an outer recorder).</summary>
    public void Dispose() => _slot.Value = _previous;
}
