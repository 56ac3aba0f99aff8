using KerasMnist.Tutorial;

namespace KerasMnist.Tests.Tutorial;

public sealed class GermanTests
{
    [Theory]
    [InlineData(0L, "0")]
    [InlineData(329L, "329")]
    [InlineData(2000L, "2.000")]
    [InlineData(60000L, "60.000")]
    [InlineData(23601930L, "23.601.930")]
    [InlineData(-1250L, "-1.250")]
    public void Whole_numbers_group_thousands_with_a_dot(long n, string expected) => Assert.Equal(expected, German.Number(n));

    [Fact]
    public void Decimals_use_a_comma_and_percentages_a_space_before_the_sign()
    {
        Assert.Equal("0,9741", German.Decimal(0.97412, 4));
        Assert.Equal("1.234,50", German.Decimal(1234.5, 2));
        Assert.Equal("97,4 %", German.Percent(0.97412));
        Assert.Equal("100,00 %", German.Percent(1, 2));
        Assert.Equal("7,6 GiB", German.Format($"{7.62:0.0} GiB"));
        Assert.Throws<ArgumentOutOfRangeException>(() => German.Decimal(1, -1));
    }

    [Fact]
    public void Counts_and_parts_read_as_german_text()
    {
        Assert.Equal("1 Schritt", German.Count(1, "Schritt", "Schritte"));
        Assert.Equal("1.200 Schritte", German.Count(1200, "Schritt", "Schritte"));
        Assert.Equal("2.000 von 42.000", German.Of(2000, 42000));
    }

    [Fact]
    public void The_format_does_not_depend_on_the_threads_culture()
    {
        var before = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
            Assert.Equal("60.000 und 0,5", German.Format($"{60000:N0} und {0.5:0.0}"));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = before;
        }
    }
}
