using GovTextExtract.Loading;

namespace GovTextExtract.Tests.Hostile;

/// <summary>Issue 17: the file type is told from metadata, without opening the file.</summary>
public sealed class FileTypeTests : HostileTestBase
{
    [Fact]
    public void Each_kind_of_file_is_told_apart_without_opening_it()
    {
        var file = Write("a.txt", "x");
        var fifo = Fifo("pipe.txt");   // opening it would block: Of must not open it
        var toZero = Link("zero.txt", "/dev/zero");
        var dangling = Link("nothing.txt", P("missing.txt"));

        Assert.Equal(FileType.Regular, FileTypes.Of(file));
        Assert.Equal(FileType.Directory, FileTypes.Of(Root));
        Assert.Equal(FileType.Fifo, FileTypes.Of(fifo));
        Assert.Equal(FileType.CharacterDevice, FileTypes.Of("/dev/zero"));
        Assert.Equal(FileType.CharacterDevice, FileTypes.Of(toZero));
        Assert.Equal(FileType.SymbolicLink, FileTypes.Of(toZero, followLinks: false));
        Assert.Equal(FileType.Missing, FileTypes.Of(dangling));
        Assert.Equal(FileType.Missing, FileTypes.Of(P("missing.txt")));
        Assert.Equal(FileType.Missing, FileTypes.Of(Path.Combine(file, "below-a-file")));
        Assert.True(FileTypes.IsSpecial(FileType.Fifo));
        Assert.False(FileTypes.IsSpecial(FileType.Regular));
    }

    [Fact]
    public void The_same_file_is_recognised_through_links_and_other_spellings()
    {
        var a = Write("d/a.txt", "x");
        var b = Write("d/b.txt", "x");
        var link = Link("link.txt", a);
        var hard = P("hard.txt");
        var (code, _, err) = Exec("ln", [a, hard], TimeSpan.FromSeconds(10));
        Assert.True(code == 0, err);

        Assert.True(FileTypes.SameFile(a, link));
        Assert.True(FileTypes.SameFile(a, hard));
        Assert.True(FileTypes.SameFile(a, Path.Combine(Root, "d", ".", "..", "d", "a.txt")));
        Assert.False(FileTypes.SameFile(a, b));
        Assert.False(FileTypes.SameFile(a, P("new.txt")));
        Assert.Equal(a, FileTypes.ResolvedPath(link));
    }

    [Fact]
    public async Task The_loader_refuses_a_fifo_and_a_device_by_type_before_reading()
    {
        var fifo = Fifo("x.txt");
        var zero = Link("z.txt", "/dev/zero");

        var task = Task.Run(() => (Record.Exception(() => DocumentLoader.Load(fifo)), Record.Exception(() => DocumentLoader.Load(zero))));
        // A hang fails the test (TimeoutException) instead of blocking the run.
        var (e1, e2) = await task.WaitAsync(Deadline);
        var f1 = Assert.IsType<DocumentLoadException>(e1);
        Assert.Equal(LoadFailure.NotRegularFile, f1.Failure);
        Assert.Equal($"{fifo}: is a FIFO (named pipe); only regular files are read", f1.Message);
        var f2 = Assert.IsType<DocumentLoadException>(e2);
        Assert.Equal(LoadFailure.NotRegularFile, f2.Failure);
        Assert.Contains("character device", f2.Message, StringComparison.Ordinal);
    }
}
