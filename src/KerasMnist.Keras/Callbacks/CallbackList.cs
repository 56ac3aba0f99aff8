using KerasMnist.Keras.Models;

namespace KerasMnist.Keras.Callbacks;

/// <summary>Calls a set of callbacks in order (Keras's <c>CallbackList</c>): the progress bar, the user's, then History.</summary>
internal sealed class CallbackList(IEnumerable<Callback> callbacks)
{
    readonly List<Callback> all = callbacks.ToList();

    public void Attach(Model model, Dictionary<string, object?> @params)
    {
        foreach (var c in all)
        {
            c.model = model;
            c.@params = @params;
        }
    }

    public void Each(Action<Callback> hook)
    {
        foreach (var c in all) hook(c);
    }
}
