using TorchSharp;
namespace KerasMnist.Tests;
public class EngineTests
{
    [Fact]
    public void LibtorchLoadsAndComputesInTheTestHost()
    {
        using var a = torch.tensor(new float[] { 1, 2, 3, 4 }).reshape(2, 2);
        using var p = a.matmul(a);
        Assert.Equal(new float[] { 7, 10, 15, 22 }, p.data<float>().ToArray());
    }
}
