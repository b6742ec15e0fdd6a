using GovTextExtract.Cli;
using GovTextExtract.Loading;

namespace GovTextExtract.Tests.Hostile;

/// <summary>Issue 17, rows 10 and 11: an output never destroys an input, a symbolic link or a device, and a write
/// error on standard output is an error.</summary>
public sealed class OutputSafetyTests : HostileTestBase
{
    [Fact]
    public void Extract_refuses_to_write_over_its_input()
    {
        var input = Write("a.txt", OneRecord);

        var (code, stdout, stderr) = Run("extract", input, "--out", input);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal("", stdout);
        Assert.Equal($"govtext: {input}: is the input {input}: writing it would destroy the input; give --out another file{Environment.NewLine}", stderr);
        Assert.Equal(OneRecord, File.ReadAllText(input));
    }

    [Fact]
    public void Extract_refuses_an_out_that_reaches_the_input_through_a_link_or_another_spelling()
    {
        var input = Write("d/a.txt", OneRecord);
        var link = Link("link.json", input);

        Assert.Equal(ExitCodes.Usage, Run("extract", input, "--out", link).Code);
        Assert.Equal(ExitCodes.Usage, Run("extract", link, "--out", input).Code);
        Assert.Equal(ExitCodes.Usage, Run("extract", input, "--out", Path.Combine(Root, "d", "..", "d", "a.txt")).Code);
        Assert.Equal(ExitCodes.Usage, Run("audit", P("d"), "--out", input).Code);
        Assert.Equal(OneRecord, File.ReadAllText(input));
        Assert.Equal(FileType.SymbolicLink, FileTypes.Of(link, followLinks: false));
    }

    [Fact]
    public void An_out_link_is_written_through_to_its_target_and_stays_a_link()
    {
        var input = Write("a.txt", OneRecord);
        var target = Write("real/records.json", "old");
        var link = Link("records.json", target);
        var dangling = Link("new.json", P("real/new.json"));

        var (code, _, _) = Run("extract", input, "--out", link);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(FileType.SymbolicLink, FileTypes.Of(link, followLinks: false));
        Assert.Contains("\"actual\"", File.ReadAllText(target), StringComparison.Ordinal);

        Assert.Equal(ExitCodes.Success, Run("extract", input, "--out", dangling).Code);
        Assert.Equal(FileType.SymbolicLink, FileTypes.Of(dangling, followLinks: false));
        Assert.Contains("\"actual\"", File.ReadAllText(P("real/new.json")), StringComparison.Ordinal);

        var book = Write("real/audit.xlsx", "old");
        var bookLink = Link("audit.xlsx", book);
        Assert.Equal(ExitCodes.Success, Run("audit", input, "--out", bookLink).Code);
        Assert.Equal(FileType.SymbolicLink, FileTypes.Of(bookLink, followLinks: false));
        Assert.StartsWith("PK", File.ReadAllText(book), StringComparison.Ordinal);

        Write("in/a.txt", OneRecord);
        var jsonl = Write("real/batch.jsonl", "old");
        var jsonlLink = Link("batch.jsonl", jsonl);
        Assert.Equal(ExitCodes.Success, Run("batch", P("in"), "--out", jsonlLink, "--progress", "none").Code);
        Assert.Equal(FileType.SymbolicLink, FileTypes.Of(jsonlLink, followLinks: false));
        Assert.Contains("\"document\":\"a.txt\"", File.ReadAllText(jsonl), StringComparison.Ordinal);
    }

    [Fact]
    public void A_device_out_is_written_to_directly_and_never_replaced()
    {
        var input = Write("a.txt", OneRecord);
        Write("in/a.txt", OneRecord);

        Assert.Equal(ExitCodes.Success, Run("extract", input, "--out", "/dev/null").Code);
        Assert.Equal(ExitCodes.Success, Run("batch", P("in"), "--out", "/dev/null", "--progress", "none").Code);

        var (code, _, stderr) = Run("extract", input, "--out", "/dev/full");
        Assert.Equal(ExitCodes.OutputFailed, code);
        Assert.StartsWith("govtext: /dev/full: cannot write to a character device: ", stderr, StringComparison.Ordinal);
        Assert.Equal(1, Count(stderr, "govtext: "));

        (code, _, stderr) = Run("batch", P("in"), "--out", "/dev/full", "--progress", "none");
        Assert.Equal(ExitCodes.OutputFailed, code);
        Assert.StartsWith("govtext: /dev/full: cannot write", stderr, StringComparison.Ordinal);

        (code, _, stderr) = Run("batch", P("in"), "--out", "/dev/null", "--format", "sqlite", "--progress", "none");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("needs a regular file", stderr, StringComparison.Ordinal);

        Assert.Equal(FileType.CharacterDevice, FileTypes.Of("/dev/null"));
        Assert.Equal(FileType.CharacterDevice, FileTypes.Of("/dev/full"));
        Assert.Empty(Directory.GetFiles("/dev", ".full.*"));
        Assert.Empty(Directory.GetFiles("/dev", ".null.*"));
        Assert.False(File.Exists("/dev/null.state.sqlite"));
    }

    [Fact]
    public void Out_dash_is_standard_output()
    {
        var input = Write("a.txt", OneRecord);

        var (code, stdout, _) = Run("extract", input, "--out", "-");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("\"records\"", stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(P("-")));
        Assert.False(File.Exists("-"));
    }

    [Fact]
    public void A_full_standard_output_is_an_error_with_a_message()
    {
        Write("a.txt", OneRecord);
        Write("in/a.txt", OneRecord);

        var (code, _, stderr) = Shell("exec dotnet \"$0\" extract a.txt > /dev/full", Root);
        Assert.True(code == ExitCodes.OutputFailed, stderr);
        Assert.Equal("govtext: standard output: cannot write: No space left on device\n", stderr);

        (code, _, stderr) = Shell("exec dotnet \"$0\" batch in --out - --progress none > /dev/full", Root);
        Assert.Equal(ExitCodes.OutputFailed, code);
        Assert.Equal(1, Count(stderr, "standard output: cannot write"));
    }

    [Fact]
    public void A_closed_pipe_on_standard_output_is_an_error_with_a_message()
    {
        Write("a.txt", OneRecord);

        // The reader closes its end at once; govtext, which takes far longer to start, then writes into a pipe
        // without a reader. Its exit code is passed out on standard error.
        var (_, _, stderr) = Shell("{ dotnet \"$0\" extract a.txt; echo \"exit=$?\" >&2; } | (exec 0<&-; true)", Root);

        Assert.Contains("govtext: standard output: cannot write: Broken pipe", stderr, StringComparison.Ordinal);
        Assert.Contains($"exit={ExitCodes.OutputFailed}", stderr, StringComparison.Ordinal);
    }
}
