using GovTextExtract.Loading;

namespace GovTextExtract.Batch;

/// <summary>Writes a file so that readers see the old file or the whole new one, never part of it.</summary>
public static class AtomicFile
{
    /// <summary>Runs <paramref name="write"/> against a hidden temporary file beside <paramref name="path"/>, flushes
    /// it to disk and moves it over <paramref name="path"/> in one rename. When <paramref name="write"/> throws (or
    /// the process dies), the temporary file is removed (or left hidden) and any old file stays as it was.</summary>
    /// <exception cref="BatchStoreException">The file cannot be written.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = FullPath(path);
        var temp = TempPath(full);
        try
        {
            // Read and write: a zip writer (xlsx) reads back what it wrote.
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new BatchStoreException(path, "cannot write: " + Reason(e), e);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>The absolute path, checked to be a file name in an existing folder; a symbolic link is resolved to
    /// its final target, so that the target is replaced and the link stays a link.</summary>
    /// <exception cref="BatchStoreException">It is a folder, a FIFO, a device or a socket, its folder does not exist,
    /// or it is not a path.</exception>
    public static string FullPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full;
        try
        {
            full = FileTypes.ResolvedPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new BatchStoreException(path, "not a valid output path: " + e.Message, e);
        }
        if (Directory.Exists(full))
            throw new BatchStoreException(path, "is a folder; give a file name");
        var type = FileTypes.Of(full);
        if (FileTypes.IsSpecial(type))
            throw new BatchStoreException(path, $"is {FileTypes.Describe(type)}, not a regular file: it would be replaced by " +
                                                "a file; give a file name (or stream JSON Lines or CSV to it)");
        var dir = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(dir))
            throw new BatchStoreException(path, $"cannot write: folder {dir} does not exist");
        return full;
    }

    /// <summary>A new hidden temporary name beside a file: <c>.NAME.GUID.tmp</c>.</summary>
    public static string TempPath(string fullPath) =>
        Path.Combine(Path.GetDirectoryName(fullPath)!, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");

    /// <summary>The prefix every temporary file of <see cref="TempPath"/> for this file starts with.</summary>
    public static string TempPrefix(string fullPath) =>
        Path.Combine(Path.GetDirectoryName(fullPath)!, $".{Path.GetFileName(fullPath)}.");

    /// <summary>Why a file could not be created or written, in the user's terms (permission denied, the disk is full,
    /// the file system is read-only …), without the name of any temporary file; the exception's own message otherwise.</summary>
    /// <param name="e">The failure of a file operation.</param>
    public static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied (the folder or file is read-only)",
        FileNotFoundException or DirectoryNotFoundException => "no file can be created in its folder",
        IOException io when (io.HResult & 0xFFFF) == 28 || io.Message.StartsWith("No space left", StringComparison.Ordinal) => "the disk is full (no space left on device)",
        IOException io when (io.HResult & 0xFFFF) == 30 || io.Message.StartsWith("Read-only file system", StringComparison.Ordinal) => "the file system is read-only",
        _ => e.Message,
    };

    internal static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Hidden and uniquely named: leaving it is better than hiding the real error.
        }
    }

    /// <summary>Flushes a finished file to disk (after SQLite closed it) so that the rename that follows cannot be
    /// seen before the bytes.</summary>
    internal static void FlushToDisk(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        stream.Flush(flushToDisk: true);
    }
}
