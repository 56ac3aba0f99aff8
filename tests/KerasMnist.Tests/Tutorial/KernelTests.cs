using KerasMnist.Tutorial;

namespace KerasMnist.Tests.Tutorial;

public class KernelTests
{
    [Fact]
    public void AnUnsetVariableFailsLikePythonsNameError()
    {
        using var kernel = new Kernel();
        var e = Assert.Throws<NameError>(() => kernel.Get<object>("ds_info"));
        Assert.Equal("ds_info", e.Name);
        Assert.Contains("name 'ds_info' is not defined", e.Message);
        Assert.False(kernel.IsDefined("ds_info"));
        Assert.Empty(kernel.Names);
    }

    [Fact]
    public void AVariableCannotBeSetToNull()
    {
        using var kernel = new Kernel();
        Assert.Throws<ArgumentNullException>(() => kernel.Set<List<int>>("df", null!));
        Assert.False(kernel.IsDefined("df"));
    }

    [Fact]
    public void SetVariablesAreReadBackUnderTheirNotebookNames()
    {
        using var kernel = new Kernel();
        List<int> df = [3, 1];
        kernel.Set("df", df);
        Assert.Same(df, kernel.Get<List<int>>("df"));
        Assert.True(kernel.IsDefined("df"));
        Assert.Equal(["df"], kernel.Names);
    }

    [Fact]
    public void DisposingTheKernelReleasesWhatItHoldsOnce()
    {
        var kernel = new Kernel();
        var held = new Held();
        kernel.Set("model", held);
        kernel.Set("alias", held);
        kernel.Dispose();
        Assert.Equal(1, held.Disposals);
        Assert.Empty(kernel.Names);
    }

    sealed class Held : IDisposable
    {
        public int Disposals { get; private set; }
        public void Dispose() => Disposals++;
    }
}
