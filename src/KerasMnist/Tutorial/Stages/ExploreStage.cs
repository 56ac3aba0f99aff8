using KerasMnist.Datasets;
using KerasMnist.Plotting;
using KerasMnist.Tfds;
using Microsoft.Data.Analysis;
using Microsoft.ML.Data;
using NumSharp;

namespace KerasMnist.Tutorial.Stages;

/// <summary>
/// Notebook section "Erste Datenanalyse": <c>tfds.visualization.show_examples</c>, <c>ds_info</c>,
/// <c>df = tfds.as_dataframe(ds_train, ds_info)</c> with <c>df.head()</c>, one image with <c>plt.imshow</c>,
/// its pixel range, and <c>sns.countplot</c> of the labels.
/// </summary>
[Stage("explore", "Erste Datenanalyse",
    "show_examples grid, ds_info, df = tfds.as_dataframe + head(), one image, pixel range, label counts",
    Needs = [typeof(CollectStage)])]
public sealed class ExploreStage : Stage
{
    /// <inheritdoc/>
    protected override void Run()
    {
        Markdown("""
            Als erstes machen wir uns mit den Daten vertraut:
            - Wie sehen die Daten aus?
            - Welches Format haben sie? Wie groß sind die Bilder, welche Werte nehmen die Pixel an?
            - Was sind die Statistiken, z. B. die Klassenverteilung?
            Für bekannte Datensätze hilft auch https://knowyourdata-tfds.withgoogle.com.
            """);

        In(3);
        // Schauen wir uns ein paar Daten an. Dazu nutzen wir tfds.visualization.show_examples.
        // (Python's help(...) has no console counterpart: the method's XML doc says what it does.)
        Show(tfds.visualization.show_examples(ds_train, ds_info), "explore_show_examples.png");
        End(3);

        var names = ds_info.features.label.names;
        Markdown(ds_info.name == "mnist"
            ? """
              Die Beschriftungen sind "Klassenname (Klassen-ID)". Bei MNIST sind die Labels schon Zahlen;
              bei anderen Datensätzen (z. B. Hunde und Katzen) nummerieren wir die Klassen selbst von 0 bis n-1.
              Die Bilder sehen schon gut aus! Aber wie groß sind sie?
              """
            : $"""
              Die Beschriftungen sind "Klassenname (Klassen-ID)". Die {ClassNouns.For(ds_info.name).Plural} haben Namen
              ({names[0]}, {names[1]}, ...), gespeichert sind sie schon als Zahlen von 0 bis {names.Count - 1}; bei eigenen
              Datensätzen (z. B. Hunde und Katzen) nummerieren wir die Klassen selbst so.
              Die Bilder sehen schon gut aus! Aber wie groß sind sie?
              """);

        In(4);
        // ds_info enthaelt eine "Features"-Beschreibung wo man die Form der Bilder findet:
        print(ds_info);
        End(4);

        In(5);
        // Hier laden wir den Datensatz in ein DataFrame (pandas' counterpart: Microsoft.Data.Analysis).
        // ACHTUNG! Das funktioniert, weil MNIST recht klein ist - fuer groessere Datensaetze sollte man nur
        // Teile laden. Deswegen dauert das auch ein Weilchen.
        df = tfds.as_dataframe(ds_train, ds_info);

        // DataFrame sind Tabellen, wo wir eine Spalte mit dem Bild und eine mit dem Label haben:
        print();
        print(df.head());
        End(5);

        In(6);
        // Wir koennen einzelne Bilder darstellen. pandas keeps a numpy array in each cell; the DataFrame keeps
        // the pixels as a VBuffer, so we make the NumSharp array ourselves, already in the (28, 28) shape
        // matplotlib needs (the notebook reshapes from (28, 28, 1) for the same reason).
        using var image = np.array(((VBuffer<byte>)df["image"][0]).DenseValues().ToArray());
        using var image_28x28 = image.reshape(28, 28);
        Show(plt.imshow(image_28x28), "explore_imshow.png");
        End(6);

        In(7);
        // Und uns anschauen, welche Werte die Bilder annehmen:
        using var min = image.min();
        using var max = image.max();
        print($"Min: {min} - Max: {max}");
        End(7);

        In(8);
        // Wir koennen auch die Statistiken der Labels darstellen. Hierfuer ist Seaborn sehr nuetzlich:
        Show(sns.countplot(data: df, x: "label", class_names: ds_info.features.label.names), "explore_countplot.png");
        // The plot's bars, as text for the console (pandas: df['label'].value_counts().sort_index()).
        var counts = ((PrimitiveDataFrameColumn<long>)df["label"]).GroupBy(label => label!.Value).OrderBy(g => g.Key);
        print(string.Join("  ", counts.Select(g => $"{ds_info.features.label.int2str(g.Key)}: {German.Number(g.Count())}")));
        End(8);

        Markdown("""
            Die Klassen sind halbwegs gleichmäßig verteilt - das ist relativ wichtig für die Analyse später!
            """);
    }
}
