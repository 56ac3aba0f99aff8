using System.Text.Json;
using System.Text.Json.Nodes;
using KerasMnist.Keras.Models;
using KerasMnist.Keras.Saving;

namespace KerasMnist.Keras;

public sealed partial class ModelsApi
{
    /// <summary>
    /// <c>keras.models.load_model(filepath, custom_objects, compile)</c>: the model <see cref="Model.save"/> wrote,
    /// with its weights and, when <paramref name="compile"/> is true and it was compiled, its optimizer, loss and
    /// metrics. A missing file raises <see cref="FileNotFoundException"/>; a truncated, damaged or foreign file
    /// (including Python Keras's own <c>.keras</c> files) raises <see cref="InvalidDataException"/> naming the file.
    /// </summary>
    /// <param name="filepath">A <c>.keras</c> file written by <c>model.save</c>.</param>
    /// <param name="custom_objects">Your own layer classes by class name, as in Keras.</param>
    /// <param name="compile">Whether to compile the model with the saved compile configuration.</param>
    public Model load_model(string filepath, IReadOnlyDictionary<string, Type>? custom_objects = null, bool compile = true) =>
        KerasArchive.Load(filepath, custom_objects, compile);

    /// <summary><c>keras.models.model_from_json(json_string, custom_objects)</c>: a new model with fresh weights from <see cref="Model.to_json"/>.</summary>
    public Model model_from_json(string json_string, IReadOnlyDictionary<string, Type>? custom_objects = null)
    {
        JsonObject config;
        try
        {
            config = JsonNode.Parse(json_string)?.AsObject() ?? throw new InvalidDataException("the JSON is null.");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new InvalidDataException($"model_from_json needs the JSON object model.to_json() returns: {e.Message}", e);
        }
        return LayerSerialization.deserialize(config, custom_objects) as Model
            ?? throw new InvalidDataException("model_from_json got the config of a single layer, not of a model.");
    }
}
