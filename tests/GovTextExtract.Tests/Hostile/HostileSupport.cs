using System.Diagnostics;
using System.Text;
using GovTextExtract.Cli;
using Microsoft.Data.Sqlite;

namespace GovTextExtract.Tests.Hostile;

/// <summary>A temporary folder and the means to make hostile inputs in it (FIFOs, links to devices), run the command
/// line in-process or as a separate process, and never hang: every run has a deadline and fails the test past it.</summary>
public abstract class HostileTestBase : IDisposable
{
    /// <summary>A circular with one target (500 charging posts) and its actual (612).</summary>
    protected const string OneRecord = "3.新建充电桩500个。全年新建充电桩612个,完成年度目标任务的122.4%。";

    /// <summary>Longest any one run may take before the test fails as a hang.</summary>
    protected static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    protected HostileTestBase() => Root = Directory.CreateTempSubdirectory("govtext-hostile-").FullName;

    protected string Root { get; }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Root, recursive: true);
        GC.SuppressFinalize(this);
    }

    protected string P(string relative) => Path.Combine(Root, relative);

    protected string Write(string relative, string text)
    {
        var path = P(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    /// <summary>Makes a FIFO with mkfifo(1).</summary>
    protected string Fifo(string relative)
    {
        var path = P(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var (code, _, err) = Exec("mkfifo", [path], TimeSpan.FromSeconds(10));
        Assert.True(code == 0, "mkfifo failed: " + err);
        Assert.Equal(GovTextExtract.Loading.FileType.Fifo, GovTextExtract.Loading.FileTypes.Of(path));
        return path;
    }

    protected string Link(string relative, string target)
    {
        var path = P(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, target);
        return path;
    }

    /// <summary>Runs the command line in-process on a worker thread; a run past the deadline fails the test (a FIFO
    /// opened by mistake blocks for ever: the thread is left behind, the test fails instead of hanging).</summary>
    protected static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var task = Task.Factory.StartNew(() => GovTextCli.Run(args, stdout, stderr), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Assert.True(task.Wait(Deadline), $"govtext {string.Join(' ', args)} did not finish within {Deadline.TotalSeconds} s");
        return (task.Result, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The govtext CLI built beside the tests.</summary>
    protected static string GovtextDll => Path.Combine(AppContext.BaseDirectory, "govtext.dll");

    /// <summary>Runs govtext as a separate process through sh, so that its standard output can be redirected
    /// (<c>&gt; /dev/full</c>); killed and failed past the deadline.</summary>
    protected static (int Code, string Out, string Err) Shell(string script, string workingDirectory) =>
        Exec("/bin/sh", ["-c", script, GovtextDll], Deadline, workingDirectory);

    protected static (int Code, string Out, string Err) Exec(string file, IEnumerable<string> args, TimeSpan deadline,
        string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in args)
            info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(deadline))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {string.Join(' ', args)} did not finish within {deadline.TotalSeconds} s");
        }
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The rows of a query on a store, each row's columns joined with a tab (the batch tests' reading).</summary>
    protected static List<string> Query(string store, string sql) => Batch.BatchTestBase.Query(store, sql);

    /// <summary>Lines of one line per failure message: a message must appear once.</summary>
    protected static int Count(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
            n++;
        return n;
    }
}
