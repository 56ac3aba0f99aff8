using KerasMnist.Tutorial;
using static KerasMnist.Tutorial.LowestTrueClassSummary;

namespace KerasMnist.Tests.Tutorial;

/// <summary>The analyze stage's sentences around the lowest-probability images say what this run shows, not what a long run would.</summary>
public sealed class LowestTrueClassSummaryTests
{
    [Fact]
    public void After_counts_the_misclassified_ones_sure_and_unsure_and_the_right_ones()
    {
        // A short run: unsure mistakes (p 0,29..0,42 for the wrong class), one sure one, one right.
        Assert.Equal("In diesem Lauf sind von den 5 Bildern 4 falsch klassifiziert: 1 mit hoher Sicherheit (p ≥ 0,9 für die falsche " +
            "Klasse), 3 unsicher (p < 0,9); 1 ist richtig klassifiziert, nur mit kleiner Wahrscheinlichkeit.",
            After([new(true, 0.29f), new(true, 0.35f), new(true, 0.42f), new(true, 0.97f), new(false, 0.51f)]));
        Assert.Equal("In diesem Lauf sind von den 3 Bildern keins falsch klassifiziert; 3 sind richtig klassifiziert, nur mit kleiner " +
            "Wahrscheinlichkeit.", After([new(false, 0.6f), new(false, 0.7f), new(false, 0.8f)]));
        Assert.Equal("In diesem Lauf ist von den 2 Bildern 1 falsch klassifiziert: 1 mit hoher Sicherheit (p ≥ 0,9 für die falsche " +
            "Klasse), 0 unsicher (p < 0,9); 1 ist richtig klassifiziert, nur mit kleiner Wahrscheinlichkeit.",
            After([new(true, 0.9f), new(false, 0.6f)]));
    }

    [Fact]
    public void One_image_is_spoken_of_in_the_singular()
    {
        Assert.Equal("In diesem Lauf ist das Bild richtig klassifiziert, nur mit kleiner Wahrscheinlichkeit.", After([new(false, 0.4f)]));
        Assert.Equal("In diesem Lauf ist das Bild falsch klassifiziert, mit hoher Sicherheit (p ≥ 0,9 für die falsche Klasse).",
            After([new(true, 0.95f)]));
        Assert.Equal("In diesem Lauf ist das Bild falsch klassifiziert, aber unsicher (p < 0,9 für die falsche Klasse).", After([new(true, 0.4f)]));
        Assert.Throws<ArgumentException>(() => After([]));
    }

    [Fact]
    public void Before_says_what_the_images_are_and_how_many_there_are()
    {
        var five = Before(5, 857);
        Assert.Contains("die fünf Validierungsbilder, denen das Model für ihre echte Klasse die kleinste Wahrscheinlichkeit gibt", five);
        Assert.DoesNotContain("--limit", five);
        Assert.DoesNotContain("Unsicher war das Model", five);
        Assert.Contains("das Validierungsbild, dem das Model für seine echte Klasse die kleinste Wahrscheinlichkeit gibt " +
            "(y_prob_class) (mit --limit gibt es nur 1 Validierungsbild)", Before(1, 1));
        Assert.Contains("die 4 Validierungsbilder, denen", Before(4, 4));
    }
}
