using KerasMnist.Tutorial;

namespace KerasMnist.Tests.Tutorial;

public sealed class ClassNounsTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("kerasmnist-nouns-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Each_dataset_has_its_noun_and_an_unknown_one_speaks_of_classes()
    {
        Assert.Equal(new ClassNouns("Ziffern", "Ziffern"), ClassNouns.For("mnist"));
        Assert.Equal(new ClassNouns("Kleidungsstücke", "Kleidungsstücken"), ClassNouns.For("fashion_mnist"));
        Assert.Equal(new ClassNouns("Klassen", "Klassen"), ClassNouns.For("emnist"));
    }

    [Fact]
    public void With_fashion_mnist_the_text_speaks_of_clothes_not_digits()
    {
        // Fashion-MNIST from Debian's package (.ci/run installs it), found past the MNIST folder in KERASMNIST_DATA_DIR.
        var (code, stdout, error) = ProgramProcess.Run(folder, new Dictionary<string, string?>(), TimeSpan.FromMinutes(10),
            "run", "problem", "explore", "analyze", "--dataset", "fashion_mnist", "--epochs", "1", "--limit", "300",
            "--output", Path.Combine(folder, "output"));
        Assert.True(code == 0, $"exit {code}\n{error}\n{stdout}");

        Assert.Contains("Mit --dataset fashion_mnist sind es 10 Arten von Kleidungsstücken statt Ziffern", stdout);
        Assert.Contains("Die Klassen: T-shirt/top, Trouser, Pullover, Dress, Coat, Sandal, Shirt, Sneaker, Bag, Ankle boot.", stdout);
        Assert.Contains("Welche Kleidungsstücke bekommen wir besonders gut hin", stdout);
        Assert.Contains("weshalb manche Kleidungsstücke falsch kategorisiert", stdout);
        // Problem and Datensammlung tell the notebook's story of digits on cheques; from the first look at the data on,
        // the text is about the dataset in use.
        var fromExplore = stdout[stdout.IndexOf("# Erste Datenanalyse", StringComparison.Ordinal)..];
        Assert.DoesNotContain("Ziffer", fromExplore);
        Assert.DoesNotContain("Bei MNIST", fromExplore);
    }
}
