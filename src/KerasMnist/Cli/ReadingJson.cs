using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using KerasMnist.Imaging.Reading;

namespace KerasMnist.Cli;

/// <summary>
/// <c>predict --json</c>: one JSON object per image on one line. Every object has <c>file</c>, <c>field</c>,
/// <c>number</c> (the digits read, a string), <c>probability</c> and <c>low_confidence</c>. A single digit adds
/// <c>digit</c> (an integer) and <c>top3</c> (<c>[{"digit": 3, "probability": 0.98}, ...]</c>); a field adds
/// <c>text</c> (the number with its separators, <c>"347,05"</c>), <c>separators</c> (digits before each) and
/// <c>digits</c> (each digit's <c>digit</c>, <c>probability</c>, <c>top3</c>, <c>low_confidence</c>), and its
/// <c>probability</c> is the product of its digits' (the model's own estimate that the whole number is right).
/// <c>preprocessed</c> lists the --save-preprocessed files when there are some.
/// </summary>
public static class ReadingJson
{
    static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The JSON line for <paramref name="reading"/>.</summary>
    public static string Line(Reading reading, IReadOnlyList<string>? saved)
    {
        var json = new JsonObject
        {
            ["file"] = reading.File,
            ["field"] = reading.IsField,
            ["number"] = reading.Number,
        };
        if (reading.IsField)
        {
            json["text"] = reading.Format();
            json["probability"] = Round(reading.Digits.Aggregate(1.0, (p, d) => p * d.Probability));
            json["low_confidence"] = reading.IsLowConfidence;
            json["separators"] = new JsonArray(reading.SeparatorPositions.Select(p => (JsonNode)p).ToArray());
            json["digits"] = new JsonArray(reading.Digits.Select(d => (JsonNode)Digit(d)).ToArray());
        }
        else
            foreach (var (key, value) in Digit(reading.First).ToList())
                json[key] = value?.DeepClone();
        if (saved is not null) json["preprocessed"] = new JsonArray(saved.Select(f => (JsonNode)f).ToArray());
        return json.ToJsonString(Options);
    }

    static JsonObject Digit(DigitPrediction d) => new()
    {
        ["digit"] = d.Digit,
        ["probability"] = Round(d.Probability),
        ["top3"] = new JsonArray(d.Top3.Select(c => (JsonNode)new JsonObject { ["digit"] = c.Digit, ["probability"] = Round(c.Probability) }).ToArray()),
        ["low_confidence"] = d.IsLowConfidence,
    };

    static double Round(double p) => Math.Round(p, 6);
}
