namespace KerasMnist.Tutorial;

// Not in the notebook: each training stage keeps its model as a Keras 3 file in the output folder, so a learner can
// check it (`KerasMnist evaluate`), read their own digits with it (`KerasMnist predict`) or open it in Python Keras.
public abstract partial class Stage
{
    /// <summary>
    /// <c>model.save(...)</c> of the kernel's <c>model</c> into the output folder as <paramref name="fileName"/>
    /// (Keras 3's <c>.keras</c> format with the optimizer's state, which Python Keras 3 loads too), then prints the path
    /// and the commands that use the file.
    /// </summary>
    /// <returns>The path written.</returns>
    protected string SaveModel(string fileName)
    {
        var path = OutputPath(fileName);
        model.save(path);
        Session.Terminal.WriteLine("Das trainierte Model ist gespeichert (Keras-3-Format; Python lädt es mit keras.models.load_model):");
        Saved(path);
        Session.Terminal.Note($"Prüfen: KerasMnist evaluate {path}   Eigene Bilder lesen: KerasMnist predict {path} BILD.png");
        return path;
    }
}
