using KerasMnist.Datasets;

namespace KerasMnist.Tutorial.Stages;

/// <summary>
/// Notebook section "Problemstellung" with "Ziffernerkennung": which problem we solve, its inputs and
/// outputs, what kind of problem it is and how we measure success (accuracy).
/// </summary>
[Stage("problem", "Problemstellung",
    "The task: inputs, outputs, kind of problem, and accuracy as the measure",
    Subtitle = "Ziffernerkennung")]
public sealed class ProblemStage : Stage
{
    /// <inheritdoc/>
    protected override void Run()
    {
        Markdown("""
            Welches Problem wollen wir lösen? Die vielleicht wichtigste Frage beim Entwickeln eines
            Machine-Learning-Models ist:
            - Was ist das Problem?
            - Was sind die Inputs?
            - Was soll vorhergesagt werden?
            - Was für eine Art Problem ist das?
            - Wie messen wir, ob unser Model gut ist?
            """);
        Table(["Art des Problems", "Wie messen wir, ob das Model gut ist?"], [
            ["Klassifizierung", "Genauigkeit, Sensitivität, Spezifizität, Konfusionsmatrix, F1-score"],
            ["Regression", "Mean squared error (MSE), mean absolute error (MAE)"],
            ["Semantische Segmentierung, Instanzsegmentierung", "Intersection over union (IoU), Dice score (DSC)"],
            ["Objekt-Erkennung, Generierung, ...", "... und viele mehr"],
        ]);

        Subheading("Ziffernerkennung");
        Markdown("""
            Beispiel: Wir wollen Schecks automatisch auslesen. Wo die Ziffern im Datumsfeld und im
            Betragsfeld stehen, wissen wir schon; jetzt muss jedes Bild einer Ziffer in die Ziffer
            übersetzt werden.
            """);
        Table([], [
            ["Inputs", "Bilder von Ziffern: x (28 × 28 Pixel, Graustufen)"],
            ["Vorhersage", "welche Ziffer aus {0, 1, 2, 3, 4, 5, 6, 7, 8, 9} gesehen wurde"],
            ["Art des Problems", "Klassifizierung in eine der 10 Ziffern: p(ŷ = y | x)"],
            ["Testen", "wie viele Ziffern richtig vorhergesagt wurden: die Genauigkeit (accuracy)"],
        ]);
        print();
        // The notebook's LaTeX: acc = \frac{1}{n}\sum_{i=1}^{n} [(\arg\max_{\hat{y}} p(\hat{y}\mid x)) == y]
        print("    acc = 1/n · Σᵢ₌₁ⁿ [ argmax_ŷ p(ŷ | xᵢ) == yᵢ ]");
        print();
        Markdown("""
            [·] ist 1, wenn die Vorhersage (die wahrscheinlichste Klasse ŷ) die echte Ziffer y trifft,
            sonst 0; gemittelt über alle n Testbilder.
            """);
        if (Options.Dataset != "mnist")
        {
            // The classes of the dataset in use, from its info, without loading it (tfds.builder(name).info).
            using var builder = tfds.builder(Options.Dataset);
            var names = builder.info.features.label.names;
            Markdown($"Mit --dataset {Options.Dataset} sind es {names.Count} Arten von {ClassNouns.For(Options.Dataset).DativePlural} " +
                $"statt Ziffern; sonst bleibt alles gleich.\nDie Klassen: {string.Join(", ", names)}.");
        }
    }
}
