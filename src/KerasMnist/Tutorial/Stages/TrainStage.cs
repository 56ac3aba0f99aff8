using static KerasMnist.Keras.KerasApi;

namespace KerasMnist.Tutorial.Stages;

/// <summary>Notebook subsection "Modeltraining": <c>model.fit(ds_train, epochs=15, validation_data=ds_valid)</c>.</summary>
public sealed class TrainStage : Stage
{
    /// <inheritdoc/>
    public override string Name => "train";

    /// <inheritdoc/>
    public override string Title => "Modeltraining";

    /// <inheritdoc/>
    public override string Summary => "model.fit for 15 epochs with ds_valid as validation data";

    /// <inheritdoc/>
    public override IReadOnlyList<string> Needs => ["prepare", "build"];

    /// <inheritdoc/>
    protected override void Run()
    {
        Markdown("""
            Das Model muss jetzt nur noch trainiert werden: `model.fit` mit `ds_train` als Trainingsdaten und
            `ds_valid` als Validierungsdaten. Pro Epoche sehen wir Loss und Genauigkeit auf beiden.
            """);

        int epochs = Options.EpochsOr(15);
        EstimateTraining(epochs);

        // Hier nutzen wir `ds_train` als Trainingsdatensatz, trainieren fuer 15 Epochen
        // und nutzen `ds_valid` als Validierungsdatensatz.
        // TerminateOnNaN is ours: a diverging run stops with a message instead of training on garbage.
        history = model.fit(
            ds_train,
            epochs: epochs,
            validation_data: ds_valid,
            callbacks: [keras.callbacks.TerminateOnNaN()]
        );

        PlotHistory("train_mlp_history.png", "MLP");
    }
}
