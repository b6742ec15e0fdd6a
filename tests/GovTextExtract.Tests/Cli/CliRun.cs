using GovTextExtract.Cli;

namespace GovTextExtract.Tests.Cli;

/// <summary>Runs the command line in-process and returns its exit code and both outputs.</summary>
internal static class CliRun
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = GovTextCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
