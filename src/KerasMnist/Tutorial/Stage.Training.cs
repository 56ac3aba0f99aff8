using KerasMnist.Keras.Backend;

namespace KerasMnist.Tutorial;

// What a training cell needs beyond the notebook: how many epochs this run trains, and how long that takes.
public abstract partial class Stage
{
    /// <summary>
    /// The epochs this stage's <c>model.fit</c> trains for: <c>--epochs</c> when given, else the notebook's value,
    /// declared once as <see cref="StageAttribute.Epochs"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The stage declares no epochs (it does not train).</exception>
    protected int Epochs => Options.Epochs ?? (Info.Epochs > 0
        ? Info.Epochs
        : throw new InvalidOperationException($"Stage '{Info.Name}' trains but declares no Epochs in its [Stage(...)]."));

    /// <summary>
    /// Before a training cell: how long it will take on this machine (<see cref="TrainingTime"/>; the notebook runs on
    /// a GPU in Colab, a CPU is slower and a learner should know before waiting).
    /// </summary>
    protected void EstimateTraining(int epochs)
    {
        var estimate = TrainingTime.Measure(model, ds_train, ds_valid);
        Session.Terminal.Note(estimate.Describe(epochs, Engine.DeviceName));
        if (estimate.Epoch > TimeSpan.FromMinutes(1) && Options.Limit is null)
            Session.Terminal.Note("Das dauert auf der CPU Minuten pro Epoche. Für einen schnellen Durchlauf: --epochs 1 --limit 2000.");
    }
}
