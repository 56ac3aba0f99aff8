using KerasMnist.Tutorial;

namespace KerasMnist.Tests.Tutorial;

public class KernelTests
{
    [Fact]
    public void AnUnsetVariableFailsLikePythonsNameError()
    {
        using var kernel = new Kernel();
        var e = Assert.Throws<NameError>(() => kernel.ds_info);
        Assert.Equal("ds_info", e.Name);
        Assert.Contains("name 'ds_info' is not defined", e.Message);
        Assert.False(kernel.IsDefined("ds_info"));
        Assert.Empty(kernel.Names);
    }

    [Fact]
    public void AVariableCannotBeSetToNull()
    {
        using var kernel = new Kernel();
        Assert.Throws<ArgumentNullException>(() => kernel.df = null!);
    }

    [Fact]
    public void SetVariablesAreReadBackUnderTheirNotebookNames()
    {
        using var kernel = new Kernel();
        var df = new KerasMnist.Tfds.StyledDataFrame([new Microsoft.Data.Analysis.Int64DataFrameColumn("label", [3L, 1L])], ds_info: null);
        kernel.df = df;
        Assert.Same(df, kernel.df);
        Assert.True(kernel.IsDefined("df"));
        Assert.Equal(["df"], kernel.Names);
    }
}
