using System.Text;
using Microsoft.Win32.SafeHandles;

namespace GovTextExtract.Cli;

/// <summary>Standard output as a writer whose write and flush errors are reported, not lost: it writes to file
/// descriptor 1 itself (the console stream of .NET drops a broken pipe silently), and turns any I/O error into a
/// <see cref="StandardOutputException"/>, which the command line reports as <c>govtext: standard output: cannot
/// write: …</c> with exit code 3.</summary>
internal sealed class StandardOutput : TextWriter
{
    private readonly TextWriter _inner;

    private StandardOutput(TextWriter inner) => _inner = inner;

    /// <summary>The process's standard output.</summary>
    public static TextWriter Open()
    {
        Stream stream;
        try
        {
            stream = OperatingSystem.IsWindows()
                ? Console.OpenStandardOutput()
                : new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, 1);
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            stream = Console.OpenStandardOutput();
        }
        return new StandardOutput(new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16));
    }

    /// <summary>Wraps a writer (tests: a writer over <c>/dev/full</c>).</summary>
    public static TextWriter Over(TextWriter inner) => new StandardOutput(inner);

    public override Encoding Encoding => _inner.Encoding;

    public override void Write(char value) => Guard(() => _inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => _inner.Write(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        var copy = buffer.ToArray();
        Guard(() => _inner.Write(copy));
    }

    public override void Write(string? value) => Guard(() => _inner.Write(value));

    public override void Flush() => Guard(_inner.Flush);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _inner.Dispose();
        base.Dispose(disposing);
    }

    private static void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (IOException e) when (e is not StandardOutputException)
        {
            throw new StandardOutputException(e);
        }
    }
}

/// <summary>Standard output could not be written (disk full, a closed pipe).</summary>
internal sealed class StandardOutputException(IOException inner)
    : IOException(inner.Message, inner);
