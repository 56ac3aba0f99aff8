namespace KerasMnist.Tutorial;

/// <summary>
/// The analyze stage's German sentences around the validation images whose true class got the lowest probability:
/// what the images are (before), and what they turned out to be in this run (after), counted from the run rather than
/// claimed, since a short run's lowest ones are often unsure guesses and a tiny <c>--limit</c> may show one right image.
/// Not in the notebook, whose closing text was written for its own fully trained run.
/// </summary>
public static class LowestTrueClassSummary
{
    /// <summary>From this probability on, a wrong prediction counts as one the model was sure of.</summary>
    public const float Sure = 0.9f;

    /// <summary>One image shown: whether the prediction was wrong, and the probability of the predicted class (0..1).</summary>
    public readonly record struct Shown(bool Wrong, float PredictedProbability);

    /// <summary>The sentence before the images: <paramref name="shown"/> of <paramref name="available"/> validation images.</summary>
    public static string Before(int shown, long available)
    {
        string images = shown switch
        {
            1 => "das Validierungsbild",
            5 => "die fünf Validierungsbilder",
            _ => $"die {German.Number(shown)} Validierungsbilder",
        };
        string fewer = shown < 5 ? $" (mit --limit gibt es nur {German.Count(available, "Validierungsbild", "Validierungsbilder")})" : "";
        return $"Dazu zeigen wir {images}, {(shown == 1 ? "dem" : "denen")} das Model für {(shown == 1 ? "seine" : "ihre")} echte Klasse " +
            $"die kleinste Wahrscheinlichkeit gibt (y_prob_class){fewer}. Ob sie falsch klassifiziert sind und wie sicher sich " +
            "das Model dabei war, steht unter den Bildern.";
    }

    /// <summary>The sentence after the images: how many are misclassified, how many of those with p ≥ 0,9, and how many are right.</summary>
    /// <exception cref="ArgumentException"><paramref name="shown"/> is empty.</exception>
    public static string After(IReadOnlyList<Shown> shown)
    {
        if (shown.Count == 0) throw new ArgumentException("No images were shown.", nameof(shown));
        int wrong = shown.Count(s => s.Wrong), sure = shown.Count(s => s.Wrong && s.PredictedProbability >= Sure);
        int unsure = wrong - sure, right = shown.Count - wrong;
        string threshold = German.Decimal(Sure, 1);
        if (shown.Count == 1)
            return wrong == 0 ? "In diesem Lauf ist das Bild richtig klassifiziert, nur mit kleiner Wahrscheinlichkeit."
                : sure == 1 ? $"In diesem Lauf ist das Bild falsch klassifiziert, mit hoher Sicherheit (p ≥ {threshold} für die falsche Klasse)."
                : $"In diesem Lauf ist das Bild falsch klassifiziert, aber unsicher (p < {threshold} für die falsche Klasse).";
        string text = $"In diesem Lauf {(wrong == 1 ? "ist" : "sind")} von den {German.Number(shown.Count)} Bildern " +
            (wrong == 0 ? "keins" : German.Number(wrong)) + " falsch klassifiziert";
        if (wrong > 0)
            text += $": {German.Number(sure)} mit hoher Sicherheit (p ≥ {threshold} für die falsche Klasse), " +
                $"{German.Number(unsure)} unsicher (p < {threshold})";
        if (right > 0)
            text += $"; {German.Number(right)} {(right == 1 ? "ist" : "sind")} richtig klassifiziert, nur mit kleiner Wahrscheinlichkeit";
        return text + ".";
    }
}
