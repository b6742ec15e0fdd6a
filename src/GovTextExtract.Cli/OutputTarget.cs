using System.Text;
using GovTextExtract.Loading;

namespace GovTextExtract.Cli;

/// <summary>Where a command's machine output goes: standard output, a device written to directly, or a regular file
/// written atomically (through a symbolic link to its target).</summary>
/// <remarks>
/// <list type="bullet">
/// <item>No <c>--out</c>, or <c>--out -</c>: standard output.</item>
/// <item>An <c>--out</c> that is one of the inputs (the same file, however spelled: through a symbolic link, a hard
/// link, <c>./</c>) is refused before anything is read or written.</item>
/// <item>A FIFO, a device or a socket (<c>/dev/null</c>, <c>/dev/full</c>, <c>/dev/stdout</c>) is opened and written
/// to directly, never replaced; a write error is an error.</item>
/// <item>A regular file, or a new name: written to a hidden temporary file beside it, flushed, then moved over it in
/// one rename, so a reader never sees half a file and a failure leaves any old file untouched.</item>
/// <item>A symbolic link: the same, at the link's final target; the link stays a link.</item>
/// </list>
/// </remarks>
internal static class OutputTarget
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Runs <paramref name="write"/> against stdout (no path, or <c>-</c>), a device, or a temporary file
    /// that then replaces the (link-resolved) file in one move.</summary>
    /// <param name="path">The <c>--out</c> value, or null.</param>
    /// <param name="stdout">Standard output.</param>
    /// <param name="write">Writes the output.</param>
    /// <param name="inputs">The input files of the command: an <paramref name="path"/> naming one is refused.</param>
    public static void Write(string? path, TextWriter stdout, Action<TextWriter> write, params string?[] inputs)
    {
        if (path is null or "-")
        {
            write(stdout);
            stdout.Flush();
            return;
        }
        WriteStream(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8, 1 << 16, leaveOpen: true);
            write(writer);
            writer.Flush();
        }, inputs);
    }

    /// <summary>Runs <paramref name="write"/> against a device (directly) or a temporary file that then replaces the
    /// (link-resolved) file in one move.</summary>
    /// <exception cref="CliException">The path is an input, a folder, in a missing folder, or cannot be written.</exception>
    public static void WriteStream(string path, Action<Stream> write, IEnumerable<string?> inputs)
    {
        var full = CheckNotInput(path, inputs);
        var type = FileTypes.Of(full);
        if (type == FileType.Directory)
            throw new CliException(path, "is a directory; give a file name to --out", ExitCodes.OutputFailed);
        if (FileTypes.IsSpecial(type))
        {
            WriteDevice(path, full, type, write);
            return;
        }
        var target = FileTypes.ResolvedPath(full);
        var dir = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(dir))
            throw new CliException(path, target == full
                ? $"cannot write: folder {dir} does not exist"
                : $"cannot write: the symbolic link leads to {target}, whose folder does not exist", ExitCodes.OutputFailed);
        var temp = Path.Combine(dir, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            // Read and write: a zip writer (xlsx) reads back what it wrote.
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, target, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new CliException(path, "cannot write: " + Reason(e), ExitCodes.OutputFailed, e);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>The full output path, checked not to name one of the inputs.</summary>
    /// <exception cref="CliException">It does, or it is not a valid path.</exception>
    public static string CheckNotInput(string path, IEnumerable<string?> inputs)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new CliException(path, "not a valid output path: " + e.Message, ExitCodes.OutputFailed, e);
        }
        foreach (var input in inputs)
        {
            if (input is null || input == "-" || FileTypes.Of(input) != FileType.Regular)
                continue;
            if (FileTypes.SameFile(full, input))
                throw new CliException(path, $"is the input {input}: writing it would destroy the input; give --out another file",
                    ExitCodes.Usage);
        }
        return full;
    }

    /// <summary>Writes to a FIFO, device or socket as it is: opened, written, flushed; never replaced.</summary>
    private static void WriteDevice(string path, string full, FileType type, Action<Stream> write)
    {
        if (type == FileType.Socket)
            throw new CliException(path, "is a socket; give --out a file, a device or -", ExitCodes.OutputFailed);
        try
        {
            using var stream = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1 << 16);
            write(stream);
            stream.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException(path, $"cannot write to {FileTypes.Describe(type)}: " + Reason(e), ExitCodes.OutputFailed, e);
        }
    }

    /// <summary>Why a file could not be written, in the user's terms, without the temporary file's name.</summary>
    internal static string Reason(Exception e) => Batch.AtomicFile.Reason(e);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The temp file is hidden and uniquely named; leaving it behind is better than hiding the real error.
        }
    }
}
