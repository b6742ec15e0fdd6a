using System.Text;

namespace GovTextExtract.Cli;

/// <summary>Where a command's machine output goes: standard output, or a file written atomically.</summary>
internal static class OutputTarget
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Runs <paramref name="write"/> against stdout, or, when <paramref name="path"/> is given, against a
    /// temporary file beside it that then replaces the file in one move, so a reader never sees half a file and a
    /// failure leaves any old file untouched.</summary>
    public static void Write(string? path, TextWriter stdout, Action<TextWriter> write)
    {
        if (path is null)
        {
            write(stdout);
            stdout.Flush();
            return;
        }
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new CliException(path, "not a valid output path: " + e.Message, ExitCodes.OutputFailed, e);
        }
        if (Directory.Exists(full))
            throw new CliException(path, "is a directory; give a file name to --out", ExitCodes.OutputFailed);
        var dir = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(dir))
            throw new CliException(path, $"cannot write: folder {dir} does not exist", ExitCodes.OutputFailed);
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(stream, Utf8))
            {
                write(writer);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new CliException(path, "cannot write: " + e.Message, ExitCodes.OutputFailed, e);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

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
