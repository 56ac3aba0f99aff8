using static KerasMnist.Keras.KerasApi;

namespace KerasMnist.Tutorial.Stages;

/// <summary>
/// Notebook section "Bauen eines ersten Models", subsection "Modelerstellung": the MLP
/// (Flatten → Dense(128, relu) → Dense(10)) compiled with Adam(0.001), sparse categorical cross-entropy on
/// logits and sparse categorical accuracy.
/// </summary>
[Stage("build", "Bauen eines ersten Models",
    "the MLP: Flatten, Dense(128, relu), Dense(10); compile with Adam(0.001)",
    Subtitle = "Modelerstellung")]
public sealed class BuildStage : Stage
{
    /// <inheritdoc/>
    protected override void Run()
    {
        Markdown("""
            Für mehrere Klassen benutzen wir die Softmax-Funktion
                p(ŷ = i) = softmax(h)_i = exp(h_i) / Σ_j exp(h_j)
            und die kategorische Likelihood p(ŷ = y) = softmax(h)_y. Das Model besteht aus dem neuronalen
            Netz, der Loss-Funktion und (bei Keras) dem Optimierer: hier Adam.
            """);

        In(10);
        // Unser Model ist einfach die Aneinanderschachtelung von 2 Linearen-Layern mit einer ReLU-Funktion
        // dazwischen: Flatten formt das 28x28-Bild in einen 784-Vektor um, der "Hidden Layer" hat 128 Neuronen
        // (784 x 128 Gewichte), das letzte Layer 128 x 10 Gewichte für die 10 Klassen.
        model = keras.models.Sequential(
            keras.layers.Flatten(input_shape: (28, 28, 1)),
            keras.layers.Dense(128, activation: "relu"),
            keras.layers.Dense(10)
        );
        End(10);

        In(11);
        // Adam mit learning rate 0.001, SparseCategoricalCrossentropy auf logits (das Netz gibt die Eingabe des
        // Softmax aus) und die Genauigkeit als Metrik. C# needs the float suffix (0.001f) and an array literal.
        model.compile(
            optimizer: keras.optimizers.Adam(0.001f),
            loss: keras.losses.SparseCategoricalCrossentropy(from_logits: true),
            metrics: [keras.metrics.SparseCategoricalAccuracy()]
        );

        // Not in the notebook: the layers and parameter counts a learner should see once.
        model.summary(print_fn: print);
        End(11);
    }
}
