namespace KerasMnist.Tutorial;

/// <summary>
/// What the tutorial's German text calls the things a dataset's classes are: the notebook speaks of <c>Ziffern</c>,
/// which is right for MNIST only; with <c>--dataset fashion_mnist</c> the same sentences speak of
/// <c>Kleidungsstücke</c>. The one place that knows the noun per dataset; a dataset without its own noun is spoken
/// of as <c>Klassen</c>. Only plural forms, which do not depend on the noun's gender, so a sentence fits every dataset.
/// </summary>
/// <param name="Plural">Nominative and accusative plural: "Welche <c>Ziffern</c> erkennt das Model gut?"</param>
/// <param name="DativePlural">Dative plural: "10 Arten von <c>Kleidungsstücken</c>".</param>
public sealed record ClassNouns(string Plural, string DativePlural)
{
    /// <summary>The nouns for the tfds dataset <paramref name="dataset"/> (<c>ds_info.name</c> or <c>--dataset</c>).</summary>
    public static ClassNouns For(string dataset) => dataset switch
    {
        "mnist" => new("Ziffern", "Ziffern"),
        "fashion_mnist" => new("Kleidungsstücke", "Kleidungsstücken"),
        _ => new("Klassen", "Klassen"),
    };
}
