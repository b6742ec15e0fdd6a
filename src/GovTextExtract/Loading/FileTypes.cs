using System.Runtime.InteropServices;

namespace GovTextExtract.Loading;

/// <summary>What a path names on disk, told from its metadata without opening it.</summary>
public enum FileType
{
    /// <summary>Nothing is there (or a symbolic link that leads nowhere).</summary>
    Missing,
    /// <summary>A regular file: the only kind govtext reads documents from.</summary>
    Regular,
    /// <summary>A directory.</summary>
    Directory,
    /// <summary>A FIFO (named pipe): reading it waits for a writer, perhaps for ever.</summary>
    Fifo,
    /// <summary>A character device (<c>/dev/zero</c>, <c>/dev/full</c>, a terminal): reading may never end.</summary>
    CharacterDevice,
    /// <summary>A block device (a disk).</summary>
    BlockDevice,
    /// <summary>A Unix domain socket.</summary>
    Socket,
    /// <summary>A symbolic link (only when links are not followed).</summary>
    SymbolicLink,
    /// <summary>The type could not be told (no permission to look, or an unknown kind).</summary>
    Unknown,
}

/// <summary>Tells the type of a file from its metadata (<c>statx</c> on Linux, <c>stat</c> elsewhere on Unix), before
/// anything is opened or read, so that a FIFO, a device or a socket is refused instead of blocking or reading without
/// end; and tells whether two paths name the same file.</summary>
public static class FileTypes
{
    /// <summary>The type of what <paramref name="path"/> names.</summary>
    /// <param name="path">The path.</param>
    /// <param name="followLinks">True (default): a symbolic link is followed to what it finally names; false: a link is
    /// <see cref="FileType.SymbolicLink"/>.</param>
    public static FileType Of(string path, bool followLinks = true)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Stat(path, followLinks, out var mode, out _) is { } missing ? missing : FromMode(mode);
    }

    /// <summary>True when both paths exist and name the same file (the same device and inode on Unix, so a symbolic
    /// link, a hard link or another spelling of the path is seen through); else compares the full paths with every
    /// symbolic link resolved.</summary>
    public static bool SameFile(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (Stat(a, true, out _, out var idA) is null && Stat(b, true, out _, out var idB) is null && idA is { } x && idB is { } y)
            return x == y;
        return string.Equals(ResolvedPath(a), ResolvedPath(b),
            OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    /// <summary>The device and inode of what a path names (links followed); null when they cannot be read (not Linux,
    /// or nothing there).</summary>
    internal static (ulong Device, ulong Inode)? Identity(string path) =>
        Stat(path, true, out _, out var id) is null ? id : null;

    /// <summary>The full path with a symbolic link at the end followed to its final target (the path itself when it is
    /// not a link or the link cannot be read).</summary>
    public static string ResolvedPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        try
        {
            if (File.ResolveLinkTarget(full, returnFinalTarget: true) is { } target)
                return Path.GetFullPath(target.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A link loop or an unreadable link: the path as it is.
        }
        return full;
    }

    /// <summary>How a type reads in a message: <c>a FIFO (named pipe)</c>.</summary>
    public static string Describe(FileType type) => type switch
    {
        FileType.Missing => "missing",
        FileType.Regular => "a regular file",
        FileType.Directory => "a directory",
        FileType.Fifo => "a FIFO (named pipe)",
        FileType.CharacterDevice => "a character device",
        FileType.BlockDevice => "a block device",
        FileType.Socket => "a socket",
        FileType.SymbolicLink => "a symbolic link",
        _ => "of an unknown type",
    };

    /// <summary>True for the types that are neither a regular file, a directory, nor missing: FIFOs, devices,
    /// sockets.</summary>
    public static bool IsSpecial(FileType type) =>
        type is FileType.Fifo or FileType.CharacterDevice or FileType.BlockDevice or FileType.Socket;

    private static FileType FromMode(int mode) => (mode & 0xF000) switch
    {
        0x8000 => FileType.Regular,
        0x4000 => FileType.Directory,
        0x1000 => FileType.Fifo,
        0x2000 => FileType.CharacterDevice,
        0x6000 => FileType.BlockDevice,
        0xC000 => FileType.Socket,
        0xA000 => FileType.SymbolicLink,
        _ => FileType.Unknown,
    };

    /// <summary>Reads the mode and identity of a path; null when it did, else the type to report (missing, or
    /// unknown when the metadata cannot be read).</summary>
    private static FileType? Stat(string path, bool follow, out int mode, out (ulong Device, ulong Inode)? id)
    {
        mode = 0;
        id = null;
        if (path.Length == 0 || path.Contains('\0', StringComparison.Ordinal))
            return FileType.Missing;
        if (OperatingSystem.IsLinux())
        {
            try
            {
                return StatLinux(path, follow, out mode, out id);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // A libc without statx (glibc before 2.28): the runtime's own stat below.
            }
        }
        if (!OperatingSystem.IsWindows())
        {
            try
            {
                return StatRuntime(path, follow, out mode);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // Fall through to what .NET can tell.
            }
        }
        // Windows (no FIFOs or devices reachable by a file path) or no native call available.
        if (Directory.Exists(path)) { mode = 0x4000; return null; }
        if (File.Exists(path)) { mode = 0x8000; return null; }
        return FileType.Missing;
    }

    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const uint StatxIno = 0x100;
    private const int ENOENT = 2;
    private const int ENOTDIR = 20;
    private const int ELOOP = 40;

    /// <summary><c>statx(2)</c>: its buffer has the same layout on every Linux architecture (unlike <c>struct
    /// stat</c>): stx_mode (u16) at 28, stx_ino (u64) at 32, stx_dev_major/minor (u32) at 136/140.</summary>
    private static FileType? StatLinux(string path, bool follow, out int mode, out (ulong, ulong)? id)
    {
        mode = 0;
        id = null;
        var buffer = new byte[256];
        if (NativeMethods.statx(AtFdCwd, path, follow ? 0 : AtSymlinkNoFollow, StatxType | StatxIno, buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno is ENOENT or ENOTDIR or ELOOP ? FileType.Missing : FileType.Unknown;
        }
        mode = BitConverter.ToUInt16(buffer, 28);
        var mask = BitConverter.ToUInt32(buffer, 0);
        if ((mask & StatxIno) != 0)
        {
            var device = ((ulong)BitConverter.ToUInt32(buffer, 136) << 32) | BitConverter.ToUInt32(buffer, 140);
            id = (device, BitConverter.ToUInt64(buffer, 32));
        }
        return null;
    }

    /// <summary>The runtime's own <c>SystemNative_Stat</c>/<c>SystemNative_LStat</c> (what <see cref="FileInfo"/> calls):
    /// its status struct opens with two 32-bit fields, flags then the raw <c>st_mode</c>.</summary>
    private static FileType? StatRuntime(string path, bool follow, out int mode)
    {
        mode = 0;
        var buffer = new byte[512];
        var rc = follow ? NativeMethods.SystemNativeStat(path, buffer) : NativeMethods.SystemNativeLStat(path, buffer);
        if (rc != 0)
            return File.Exists(path) || Directory.Exists(path) ? FileType.Unknown : FileType.Missing;
        mode = BitConverter.ToInt32(buffer, 4);
        return null;
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int SystemNativeStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] buffer);

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", SetLastError = true, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int SystemNativeLStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] buffer);
    }
}
