using GovTextExtract.Cli;

namespace GovTextExtract.Tests.Cli;

public class FuzzCommandTests
{
    [Fact]
    public void FuzzRunReportsCountsAndNoUnhandledException()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = GovTextCli.Run(["fuzz", "--cases", "120", "--seed", "11"], stdout, stderr);
        Assert.Equal(0, code);
        Assert.Matches(@"^cases 120, loaded \d+, rejected \d+, unhandled 0, over budget 0", stdout.ToString());
    }

    [Fact]
    public void FuzzRejectsNonPositiveCaseCount()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(2, GovTextCli.Run(["fuzz", "--cases", "0"], stdout, stderr));
    }
}
