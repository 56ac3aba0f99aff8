using static KerasMnist.Keras.KerasApi;

namespace KerasMnist.Tutorial.Stages;

/// <summary>Notebook subsection "Modeltraining": <c>model.fit</c> on <c>ds_train</c> with <c>ds_valid</c> as validation data.</summary>
[Stage("train", "Modeltraining",
    "model.fit with ds_valid as validation data",
    Needs = [typeof(PrepareStage), typeof(BuildStage)], Epochs = 15)]
public sealed class TrainStage : Stage
{
    /// <inheritdoc/>
    protected override void Run()
    {
        Markdown("""
            Das Model muss jetzt nur noch trainiert werden: `model.fit` mit `ds_train` als Trainingsdaten und
            `ds_valid` als Validierungsdaten. Pro Epoche sehen wir Loss und Genauigkeit auf beiden.
            """);

        In(12);
        EstimateTraining(Epochs);

        // Hier nutzen wir `ds_train` als Trainingsdatensatz, trainieren fuer 15 Epochen
        // und nutzen `ds_valid` als Validierungsdatensatz.
        // TerminateOnNaN is ours: a diverging run stops with a message instead of training on garbage.
        history = model.fit(
            ds_train,
            epochs: Epochs,                       // the notebook's (Epochs in [Stage] above), or --epochs
            validation_data: ds_valid,
            callbacks: [keras.callbacks.TerminateOnNaN()]
        );

        PlotHistory("train_mlp_history.png", "MLP");
        End(12);

        SaveModel("mlp.keras"); // not in the notebook: the model as a file for evaluate, predict and Python
    }
}
