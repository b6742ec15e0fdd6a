using GovTextExtract.Batch;
using GovTextExtract.Cli;

namespace GovTextExtract.Tests.Hostile;

/// <summary>Issue 17, must-have 9: every failure is one line naming the file and the problem in the user's terms.</summary>
public sealed class MessageTests : HostileTestBase
{
    [Fact]
    public void A_full_disk_reads_as_such_and_names_no_temporary_file()
    {
        var e = Assert.ThrowsAny<IOException>(() =>
        {
            using var full = new FileStream("/dev/full", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1);
            full.Write(new byte[16]);
        });

        Assert.Equal("the disk is full (no space left on device)", AtomicFile.Reason(e));
        Assert.Equal("permission denied (the folder or file is read-only)", AtomicFile.Reason(new UnauthorizedAccessException("x")));
    }

    [Fact]
    public void A_store_that_cannot_be_created_names_the_store_and_the_reason_once()
    {
        Write("in/a.txt", OneRecord);
        // A folder where no file can be created, even by root: /proc.
        var (code, _, stderr) = Run("batch", P("in"), "--out", "/proc/govtext-test.sqlite", "--progress", "none");

        Assert.Equal(ExitCodes.OutputFailed, code);
        Assert.Equal("govtext: /proc/govtext-test.sqlite: cannot create the store's lock file govtext-test.sqlite.lock: " +
                     $"no file can be created in its folder{Environment.NewLine}", stderr);
        Assert.Equal(1, Count(stderr, "govtext: "));
        Assert.DoesNotContain("SQLite Error", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_output_names_the_output_not_its_temporary_file()
    {
        var input = Write("a.txt", OneRecord);

        var (code, _, stderr) = Run("extract", input, "--out", "/proc/govtext-test.json");

        Assert.Equal(ExitCodes.OutputFailed, code);
        Assert.Equal($"govtext: /proc/govtext-test.json: cannot write: no file can be created in its folder{Environment.NewLine}", stderr);
        Assert.DoesNotContain(".tmp", stderr, StringComparison.Ordinal);
        Assert.Equal(1, Count(stderr, "govtext: "));
    }
}
