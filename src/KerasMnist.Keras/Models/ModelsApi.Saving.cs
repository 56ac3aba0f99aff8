using System.Text.Json;
using System.Text.Json.Nodes;
using KerasMnist.Keras.Models;
using KerasMnist.Keras.Saving;

namespace KerasMnist.Keras;

public sealed partial class ModelsApi
{
    /// <summary>
    /// <c>keras.models.load_model(filepath, custom_objects, compile)</c>: a model file saved by Python Keras 3 or by
    /// <see cref="Model.save"/> (<c>.keras</c>), or by tf.keras 2 (<c>.h5</c>), recognised by its contents. Returns the
    /// model with its weights and, when <paramref name="compile"/> is true and the file has a compile config, compiled
    /// with its loss and metrics (<c>"accuracy"</c> resolved against the loss: a model compiled with
    /// <c>categorical_crossentropy</c> expects one-hot labels, see <c>keras.utils.to_categorical</c>) and its optimizer with
    /// the saved state. An optimizer this port lacks leaves the model compiled without one, with a warning on stderr
    /// (evaluate works; fit asks for a new compile).
    /// </summary>
    /// <param name="filepath">The model file.</param>
    /// <param name="custom_objects">Your own layer classes by class name, as in Keras.</param>
    /// <param name="compile">Whether to compile the model with the saved compile configuration.</param>
    /// <exception cref="FileNotFoundException">No file at <paramref name="filepath"/>.</exception>
    /// <exception cref="InvalidDataException">
    /// The file is truncated or damaged, lacks its weights, holds weights that do not fit its config, is not a Keras model,
    /// is of a newer Keras format, or uses a layer, activation or option this port does not implement; the message names
    /// the file and what is wrong.
    /// </exception>
    public Model load_model(string filepath, IReadOnlyDictionary<string, Type>? custom_objects = null, bool compile = true) =>
        ModelFiles.Load(filepath, custom_objects, compile);

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
