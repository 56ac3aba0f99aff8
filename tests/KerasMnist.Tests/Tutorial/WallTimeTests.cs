using KerasMnist.Tutorial;

namespace KerasMnist.Tests.Tutorial;

public class WallTimeTests
{
    [Theory]
    [InlineData(0.0004, "0 ms")]
    [InlineData(0.8504, "850 ms")]
    [InlineData(3.419, "3,42 s")]
    [InlineData(42.26, "42,3 s")]
    [InlineData(125.4, "2 min 05 s")]
    [InlineData(3725, "1 h 02 min")]
    public void DurationsUseTheLargestSensibleUnit(double seconds, string expected)
    {
        Assert.Equal(expected, WallTime.Format(TimeSpan.FromSeconds(seconds)));
    }
}
