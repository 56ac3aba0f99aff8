using static KerasMnist.Keras.KerasApi;

namespace KerasMnist.Tutorial.Stages;

/// <summary>
/// Notebook section "Verbessern des Models": the CNN (two Conv2D + MaxPool2D, Flatten, Dense(128), Dense(10))
/// with L2(1e-3) on every kernel, compiled as before, trained and evaluated.
/// </summary>
[Stage("improve", "Verbessern des Models",
    "a CNN with L2(1e-3): Conv2D, MaxPool2D x2, Dense; fit, evaluate",
    Needs = [typeof(PrepareStage)], Epochs = 10)]
public sealed class ImproveStage : Stage
{
    /// <inheritdoc/>
    protected override void Run()
    {
        Markdown("""
            Ein Convolutional Neural Network (CNN) passt besser zu Bildern. Max-Pooling verkleinert die
            Zwischenergebnisse, und die L2-Regularisierung hält die Gewichte klein gegen Overfitting.
            """);

        In(16);
        // Hier nutzen wir 2 convolutional Layer mit ReLU-Aktivierung und Max-Pooling danach.
        // Nach den CNN-Layern aendern wir wieder die Form in einen Vektor (`flatten`) und haben noch zwei
        // "normale" Layer. Flatten's input_shape is ignored on a middle layer, in Keras and here alike.
        model = keras.models.Sequential(
            keras.layers.Conv2D(8, 3, activation: "relu",
                                kernel_regularizer: keras.regularizers.l2(1e-3f)),
            keras.layers.MaxPool2D(),
            keras.layers.Conv2D(16, 3, activation: "relu",
                                kernel_regularizer: keras.regularizers.l2(1e-3f)),
            keras.layers.MaxPool2D(),
            keras.layers.Flatten(input_shape: (28, 28)),
            keras.layers.Dense(128, activation: "relu",
                               kernel_regularizer: keras.regularizers.l2(1e-3f)),
            keras.layers.Dense(10, kernel_regularizer: keras.regularizers.l2(1e-3f))
        );

        // Der Rest ist das Gleiche wie vorher!
        model.compile(
            optimizer: keras.optimizers.Adam(0.001f),
            loss: keras.losses.SparseCategoricalCrossentropy(from_logits: true),
            metrics: [keras.metrics.SparseCategoricalAccuracy()]
        );
        End(16);

        In(17);
        // The first layer has no input shape, so Keras builds the model on the first batch it sees; the
        // estimate below runs one, after which summary() can show the layers.
        EstimateTraining(Epochs);
        model.summary(print_fn: print);

        history = model.fit(
            ds_train,
            epochs: Epochs,                       // the notebook's (Epochs in [Stage] above), or --epochs
            validation_data: ds_valid,
            callbacks: [keras.callbacks.TerminateOnNaN()]
        );
        PlotHistory("improve_cnn_history.png", "CNN");
        End(17);

        In(18);
        // Und wir sehen, dass unsere Validierungs- und Testergebnisse besser sind und wir nicht mehr overfitten:
        print(model.evaluate(ds_train));
        print(model.evaluate(ds_valid));
        print(model.evaluate(ds_test));
        End(18);

        SaveModel("cnn.keras"); // not in the notebook: the model as a file for evaluate, predict and Python
    }
}
