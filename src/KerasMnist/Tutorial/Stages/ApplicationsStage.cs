using static KerasMnist.Keras.KerasApi;

namespace KerasMnist.Tutorial.Stages;

/// <summary>
/// Notebook section "Keras Modelle": Input((28, 28, 1)) → ZeroPadding2D(2) → keras.applications.ResNet50
/// (weights: null, classes: 10), compiled on probabilities (from_logits: false), trained and evaluated.
/// </summary>
[Stage("applications", "Keras Modelle",
    "keras.applications.ResNet50 on 28x28 digits padded to 32x32; fit (slow on CPU), evaluate",
    Needs = [typeof(PrepareStage)], Epochs = 10)]
public sealed class ApplicationsStage : Stage
{
    /// <inheritdoc/>
    protected override void Run()
    {
        Markdown("""
            Keras bietet auch fertige, veröffentlichte Modelle an (keras.applications). Hier laden wir ein
            ResNet (Residual Network mit Sprungverbindungen) ohne vortrainierte Gewichte. ResNet50 braucht
            mindestens 32x32 Pixel, deshalb polstern wir die 28x28-Bilder mit 2 Pixeln Rand auf.
            """);

        In(19);
        // Python calls the layer: ZeroPadding2D(...)(input_layer); C# applies it explicitly.
        var input_layer = keras.layers.Input((28, 28, 1));
        var padded = keras.layers.ZeroPadding2D(padding: (2, 2)).Apply(input_layer);
        model = keras.applications.ResNet50(
              include_top: true,
              input_tensor: padded,
              pooling: "avg",
              weights: null,
              classes: 10
          );

        // ResNet50 ends in a softmax, so the loss gets probabilities: from_logits: false.
        model.compile(
            optimizer: keras.optimizers.Adam(0.001f),
            loss: keras.losses.SparseCategoricalCrossentropy(from_logits: false),
            metrics: [keras.metrics.SparseCategoricalAccuracy()]
        );
        model.summary(print_fn: print);
        End(19);

        In(20);
        EstimateTraining(Epochs);

        history = model.fit(
            ds_train,
            epochs: Epochs,                       // the notebook's (Epochs in [Stage] above), or --epochs
            validation_data: ds_valid,
            callbacks: [keras.callbacks.TerminateOnNaN()]
        );
        PlotHistory("applications_resnet50_history.png", "ResNet50");
        End(20);

        In(21);
        // Der MNIST Datensatz ist relativ klein, deswegen sehen wir keinen grossen Vorteil mit diesem
        // groesseren Model! Ausserdem muessten wir vmtl laenger trainieren...
        print(model.evaluate(ds_train));
        print(model.evaluate(ds_valid));
        print(model.evaluate(ds_test));
        ExplainBatchNormLag(history.history["sparse_categorical_accuracy"][^1], history.history["val_sparse_categorical_accuracy"][^1]);
        End(21);

        SaveModel("resnet50.keras"); // not in the notebook: the model as a file for evaluate, predict and Python
    }

    // Not in the notebook: after few steps Keras shows the same gap, and a learner would take it for a bug.
    void ExplainBatchNormLag(double trainingAccuracy, double validAccuracy)
    {
        if (trainingAccuracy - validAccuracy < 0.2) return;
        Session.Terminal.Note(
            $"Hinweis: Im Training {German.Percent(trainingAccuracy)}, bei evaluate nur {German.Percent(validAccuracy)}. " + "evaluate rechnet mit den gleitenden " +
            "Mittelwerten der BatchNormalization (momentum 0.99), die den sich schnell ändernden Gewichten nach wenigen Schritten " +
            "noch nachhinken; Keras verhält sich genauso. Sie holen auf, wenn sich die Gewichte langsamer ändern, also mit mehr " +
            "Epochen (das Notebook trainiert 10); docs/performance.md zeigt es.");
    }
}
