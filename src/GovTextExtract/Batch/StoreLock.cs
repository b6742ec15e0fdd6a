using System.Runtime.InteropServices;
using GovTextExtract.Loading;

namespace GovTextExtract.Batch;

/// <summary>The exclusive lock that makes one process at a time the writer of a store: an advisory lock
/// (<c>flock</c>, <c>LOCK_EX | LOCK_NB</c>) on a lock file beside the store, <c>STORE.lock</c>, taken before SQLite
/// opens the store and held until it is closed. A second writer fails at once instead of waiting, racing to create
/// the tables or doing the same work twice. The kernel drops the lock when the process dies, however it dies; the
/// file is removed when the store is closed (a file left by a killed process is harmless: it is not locked).</summary>
internal sealed class StoreLock : IDisposable
{
    private readonly FileStream _file;
    private readonly string _path;

    private StoreLock(FileStream file, string path)
    {
        _file = file;
        _path = path;
    }

    /// <summary>The lock file of a store.</summary>
    public static string LockPath(string storeFullPath) => storeFullPath + ".lock";

    /// <summary>Takes the lock of a store, or fails at once.</summary>
    /// <param name="storeFullPath">The store's full path.</param>
    /// <param name="shown">The store as the user gave it, for messages.</param>
    /// <exception cref="BatchStoreException">Another process holds the lock, or the lock file cannot be created.</exception>
    public static StoreLock Acquire(string storeFullPath, string shown)
    {
        var path = LockPath(storeFullPath);
        for (var attempt = 0; ; attempt++)
        {
            FileStream file;
            try
            {
                // FileShare.ReadWrite | Delete: .NET takes only a shared flock; the exclusive flock below is the lock.
                file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite,
                    OperatingSystem.IsWindows() ? FileShare.None : FileShare.ReadWrite | FileShare.Delete, 1);
            }
            catch (IOException e) when (OperatingSystem.IsWindows() || (e.HResult & 0xFFFF) is SharingViolation or EWOULDBLOCK or EAGAIN_BSD)
            {
                // .NET itself takes a shared flock on open, which fails while another process holds ours.
                throw InUse(shown, e);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new BatchStoreException(shown, $"cannot create the store's lock file {Path.GetFileName(path)}: " +
                                                     AtomicFile.Reason(e), e);
            }
            if (OperatingSystem.IsWindows())
                return new StoreLock(file, path);
            int rc;
            try
            {
                rc = NativeMethods.flock((int)file.SafeFileHandle.DangerousGetHandle(), LockExclusive | LockNonBlocking);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                file.Dispose();
                throw new BatchStoreException(shown, "cannot lock the store: flock is not available", e);
            }
            if (rc != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                file.Dispose();
                if (errno == EWOULDBLOCK || errno == EAGAIN_BSD)
                    throw InUse(shown, null);
                throw new BatchStoreException(shown, $"cannot lock the store (errno {errno})");
            }
            // The holder before us removes the file when it closes: a lock taken on the removed file would be no lock.
            // Checked by identity: the path must still name the file we locked.
            var held = FileTypes.Identity("/proc/self/fd/" + file.SafeFileHandle.DangerousGetHandle());
            if (held is null || held == FileTypes.Identity(path) || attempt >= 10)
                return new StoreLock(file, path);
            file.Dispose();
        }
    }

    private static BatchStoreException InUse(string shown, Exception? inner) => new(shown,
        "the store is in use by another govtext batch or merge (it holds the store's lock); wait for it to finish, " +
        "or give another --out", inner);

    /// <summary>Removes the lock file and releases the lock.</summary>
    public void Dispose()
    {
        AtomicFile.TryDelete(_path);
        _file.Dispose();
    }

    private const int SharingViolation = 32;
    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;
    private const int EWOULDBLOCK = 11;
    private const int EAGAIN_BSD = 35;

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int flock(int fd, int operation);
    }
}
