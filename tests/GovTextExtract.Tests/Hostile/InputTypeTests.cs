using GovTextExtract.Cli;

namespace GovTextExtract.Tests.Hostile;

/// <summary>Issue 17, rows 2 and 3: FIFOs, devices and links to them, named directly, in a folder or in a list file,
/// are refused by their type before anything is read; extract, audit and batch never wait or read without end.</summary>
public sealed class InputTypeTests : HostileTestBase
{
    [Fact]
    public void Extract_refuses_a_fifo_at_once()
    {
        var fifo = Fifo("x.txt");

        var (code, stdout, stderr) = Run("extract", fifo);

        Assert.Equal(ExitCodes.InputFailed, code);
        Assert.Equal("", stdout);
        Assert.Equal($"govtext: {fifo}: not a regular file: is a FIFO (named pipe); only regular files are read{Environment.NewLine}", stderr);
    }

    [Fact]
    public void Extract_refuses_a_link_to_dev_zero_without_reading_it()
    {
        var link = Link("z.txt", "/dev/zero");

        var (code, _, stderr) = Run("extract", link);

        Assert.Equal(ExitCodes.InputFailed, code);
        Assert.Contains($"{link}: not a regular file: is a character device", stderr, StringComparison.Ordinal);
        Assert.Equal(1, Count(stderr, "govtext: "));
    }

    [Fact]
    public void Audit_refuses_a_fifo_named_directly_and_lists_one_in_a_folder()
    {
        var fifo = Fifo("dir/x.txt");
        Write("dir/a.txt", OneRecord);

        var (code, _, stderr) = Run("audit", fifo, "--out", P("one.xlsx"));
        Assert.Equal(ExitCodes.InputFailed, code);
        Assert.Contains("is a FIFO (named pipe)", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(P("one.xlsx")));

        (code, var stdout, stderr) = Run("audit", P("dir"), "--out", P("all.xlsx"));
        Assert.Equal(ExitCodes.InputFailed, code);
        Assert.True(File.Exists(P("all.xlsx")));
        Assert.Contains("audited 1 document(s), 1 failed", stdout, StringComparison.Ordinal);
        Assert.Equal(1, Count(stderr, "x.txt: not a regular file: is a FIFO (named pipe)"));
    }

    [Fact]
    public void Audit_reads_every_format_extract_reads_and_follows_links_to_files()
    {
        Write("dir/a.txt", OneRecord);
        Write("dir/b.html", "<html><body><p>" + OneRecord + "</p></body></html>");
        Write("elsewhere/c.txt", OneRecord);
        Link("dir/c-link.txt", P("elsewhere/c.txt"));
        Write("dir/.hidden.txt", OneRecord);

        var (code, stdout, _) = Run("audit", P("dir"), "--out", P("audit.xlsx"));

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("audited 3 document(s), 0 failed", stdout, StringComparison.Ordinal);
        Assert.Contains("b.html: 1 record(s)", stdout, StringComparison.Ordinal);
        Assert.Contains("c-link.txt: 1 record(s)", stdout, StringComparison.Ordinal);
        Assert.Contains(".html", AuditExtensions());
        Assert.Contains(".docx", AuditExtensions());
        Assert.Contains(".pdf", AuditExtensions());
    }

    private static IReadOnlyList<string> AuditExtensions() =>
        (IReadOnlyList<string>)typeof(GovTextCli).Assembly.GetType("GovTextExtract.Cli.AuditCommand")!
            .GetProperty("Extensions")!.GetValue(null)!;

    [Fact]
    public void Batch_records_a_fifo_and_a_device_link_in_a_folder_as_failed_and_goes_on()
    {
        Write("in/a.txt", OneRecord);
        Fifo("in/x.txt");
        Link("in/z.txt", "/dev/zero");
        Write("elsewhere/c.txt", OneRecord);
        Link("in/c.txt", P("elsewhere/c.txt"));
        var store = P("out.sqlite");

        var (code, _, stderr) = Run("batch", P("in"), "--out", store, "--progress", "none");

        Assert.Equal(ExitCodes.InputFailed, code);
        Assert.Equal(
            ["a.txt\tok\tNULL", "c.txt\tok\tNULL", "x.txt\tfailed\tnot_regular_file", "z.txt\tfailed\tnot_regular_file"],
            Query(store, "SELECT path, status, failure FROM documents ORDER BY path"));
        Assert.Equal(1, Count(stderr, "failed: x.txt: not regular file: is a FIFO (named pipe); only regular files are read"));
        Assert.Equal(1, Count(stderr, "failed: z.txt: not regular file: is a character device"));
    }

    [Fact]
    public void Batch_refuses_dev_zero_and_a_link_to_it_in_a_list_file_without_aborting_the_run()
    {
        Write("a.txt", OneRecord);
        Link("z.txt", "/dev/zero");
        var list = Write("list.txt", "a.txt\n/dev/zero\nz.txt\n");
        var output = P("out.jsonl");

        var (code, _, stderr) = Run("batch", list, "--out", output, "--progress", "none");

        Assert.Equal(ExitCodes.InputFailed, code);
        var lines = File.ReadAllLines(output);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains("\"document\":\"a.txt\"", StringComparison.Ordinal) && l.Contains("\"status\":\"ok\"", StringComparison.Ordinal));
        Assert.Equal(2, lines.Count(l => l.Contains("\"failure\":\"not_regular_file\"", StringComparison.Ordinal)));
        Assert.DoesNotContain("internal error", stderr, StringComparison.Ordinal);
        Assert.True(new FileInfo(P("out.jsonl.state.sqlite")).Length < 1 << 20);
    }

    [Fact]
    public void Batch_refuses_a_fifo_given_as_its_input()
    {
        var fifo = Fifo("x.txt");

        var (code, _, stderr) = Run("batch", fifo, "--out", P("out.sqlite"), "--progress", "none");

        Assert.Equal(ExitCodes.InputFailed, code);
        Assert.Equal($"govtext: {fifo}: is a FIFO (named pipe), not a regular file, a folder or a list file; only regular files are read{Environment.NewLine}", stderr);
        Assert.False(File.Exists(P("out.sqlite")));
    }

    [Fact]
    public void Merge_refuses_a_fifo_as_a_store_and_an_output_that_is_a_source_through_a_link()
    {
        var fifo = Fifo("part.sqlite");
        Write("in/a.txt", OneRecord);
        Assert.Equal(ExitCodes.Success, Run("batch", P("in"), "--out", P("a.sqlite"), "--progress", "none").Code);
        var link = Link("link.sqlite", P("a.sqlite"));

        var (code, _, stderr) = Run("merge", P("all.sqlite"), fifo);
        Assert.Equal(ExitCodes.InputFailed, code);
        Assert.Contains("is a FIFO (named pipe), not a store file", stderr, StringComparison.Ordinal);

        (code, _, stderr) = Run("merge", link, P("a.sqlite"), "--force");
        Assert.NotEqual(ExitCodes.Success, code);
        Assert.Contains("is also the output", stderr, StringComparison.Ordinal);
        Assert.Equal(["a.txt\tok"], Query(P("a.sqlite"), "SELECT path, status FROM documents"));
    }
}
