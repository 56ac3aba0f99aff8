using System.Text;

namespace KerasMnist.Datasets.Core;

/// <summary>
/// The counterpart of <c>tfds.core.DatasetInfo</c>: what <c>tfds.load(..., with_info: true)</c> returns
/// beside the datasets. <see cref="ToString"/> prints like <c>print(ds_info)</c> in tfds 4.9.
/// </summary>
public sealed class DatasetInfo
{
    /// <summary><c>info.name</c>, e.g. <c>mnist</c>.</summary>
    public required string name { get; init; }

    /// <summary><c>info.features</c>: <c>image</c> and <c>label</c>.</summary>
    public required FeaturesDict features { get; init; }

    /// <summary>
    /// <c>info.splits</c>: <c>splits["train"].num_examples</c> is the size of the WHOLE split, even when only
    /// a slice such as <c>train[:70%]</c> was loaded (as in tfds).
    /// </summary>
    public required IReadOnlyDictionary<string, SplitInfo> splits { get; init; }

    /// <summary><c>info.version</c>, e.g. <c>3.0.1</c> (the tfds builder version whose metadata this mirrors).</summary>
    public string version { get; init; } = "";

    /// <summary><c>info.full_name</c>: <c>name/version</c>, e.g. <c>mnist/3.0.1</c> (just the name when no version is set).</summary>
    public string full_name => version.Length > 0 ? $"{name}/{version}" : name;

    /// <summary><c>info.description</c>.</summary>
    public string description { get; init; } = "";

    /// <summary><c>info.homepage</c>.</summary>
    public string homepage { get; init; } = "";

    /// <summary><c>info.citation</c> (BibTeX).</summary>
    public string citation { get; init; } = "";

    /// <summary>
    /// <c>info.data_dir</c>: here the folder the data files were actually read from (tfds shows the folder of
    /// its prepared TFRecords instead).
    /// </summary>
    public string data_dir { get; init; } = "";

    /// <summary>
    /// <c>info.file_format</c>: <c>idx</c>, the format of the files read (tfds prints <c>tfrecord</c>, the format of
    /// the copy it prepares; this port reads the original IDX files directly and prepares nothing).
    /// </summary>
    public string file_format { get; init; } = "idx";

    /// <summary><c>info.download_size</c>: total size of the official downloads.</summary>
    public Size download_size { get; init; }

    /// <summary><c>info.dataset_size</c>: tfds's published size of the prepared dataset (kept for the printout).</summary>
    public Size dataset_size { get; init; }

    /// <summary><c>info.supervised_keys</c>: <c>('image', 'label')</c>, the element order of the datasets.</summary>
    public (string input, string output) supervised_keys { get; init; } = ("image", "label");

    /// <summary><c>info.disable_shuffling</c>: false, as in tfds's MNIST builders.</summary>
    public bool disable_shuffling { get; init; }

    /// <summary>
    /// <c>print(ds_info)</c> in tfds 4.9's layout: one <c>key=value,</c> line per field, nested values
    /// indented by four spaces, splits sorted by name, the citation between triple quotes.
    /// </summary>
    public override string ToString()
    {
        var splitLines = new StringBuilder("{");
        foreach (var (key, split) in splits.OrderBy(s => s.Key, StringComparer.Ordinal))
            splitLines.Append($"\n    {PythonRepr(key)}: {split},");
        splitLines.Append("\n}");

        var fields = new (string Key, string Value)[]
        {
            ("name", PythonRepr(name)),
            ("full_name", PythonRepr(full_name)),
            ("description", Indent($"\"\"\"\n{description}\n\"\"\"")),
            ("homepage", PythonRepr(homepage)),
            ("data_dir", PythonRepr(data_dir)),
            ("file_format", file_format),
            ("download_size", download_size.ToString()),
            ("dataset_size", dataset_size.ToString()),
            ("features", Indent(features.ToString())),
            ("supervised_keys", $"({PythonRepr(supervised_keys.input)}, {PythonRepr(supervised_keys.output)})"),
            ("disable_shuffling", disable_shuffling ? "True" : "False"),
            ("nondeterministic_order", "False"),
            ("splits", Indent(splitLines.ToString())),
            ("citation", Indent($"\"\"\"{citation.Trim()}\"\"\"")),
        };
        var text = new StringBuilder("tfds.core.DatasetInfo(\n");
        foreach (var (key, value) in fields)
            text.Append($"    {key}={value},\n");
        return text.Append(')').ToString();
    }

    // tfds indents every line of a nested value but the first, which follows "key=".
    private static string Indent(string content) => content.Replace("\n", "\n    ");

    // Python's repr of a str: single quotes unless the text holds a single quote and no double quote.
    private static string PythonRepr(string value)
    {
        char quote = value.Contains('\'') && !value.Contains('"') ? '"' : '\'';
        var escaped = value.Replace("\\", "\\\\").Replace("\n", "\\n");
        if (quote == '\'')
            escaped = escaped.Replace("'", "\\'");
        return $"{quote}{escaped}{quote}";
    }
}
