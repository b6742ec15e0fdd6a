using System.Text;
using System.Text.RegularExpressions;
using GovTextExtract.Loading;

namespace GovTextExtract.Batch;

/// <summary>One file of a batch: where it is and the key it is stored under.</summary>
/// <param name="FullPath">The absolute path to read.</param>
/// <param name="Key">The path relative to the input's root, with <c>/</c> separators: the same on every machine that
/// holds a copy of the archive, so it names the document in the store, decides its shard and is what merge matches.</param>
public sealed record BatchFile(string FullPath, string Key);

/// <summary>What a batch reads: a folder, a glob pattern or a list file, enumerated lazily in a fixed order.</summary>
/// <remarks>
/// <para>A folder: every file below it, recursively; hidden files and folders (names starting with a dot) are
/// skipped. Keys are relative to the folder. A symbolic link to a file is read through (its key is the link's path);
/// a symbolic link to a folder is not followed. FIFOs, devices and sockets are listed but refused by their type
/// when processed, never opened.</para>
/// <para>A glob (holds <c>*</c> or <c>?</c>): <c>*</c> matches within one path segment, <c>?</c> one character and
/// <c>**</c> any number of folders, e.g. <c>reports/**/*.txt</c>. Keys are relative to the folder before the first
/// segment with a wildcard.</para>
/// <para>A list file: one path a line, absolute or relative to the list file's folder; blank lines and lines
/// starting with <c>#</c> are skipped. Keys are the paths as written. A file is a list when its first such line names
/// an existing file or folder; any other file is itself the one document of the batch (its key is its name).</para>
/// <para>Folders are walked in ordinal name order, one folder at a time, so the order is the same on every run and
/// memory does not grow with the size of the archive.</para>
/// </remarks>
public sealed class BatchInput
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);
    private readonly Func<IEnumerable<BatchFile>> _enumerate;

    private BatchInput(string description, string root, Func<IEnumerable<BatchFile>> enumerate)
    {
        Description = description;
        Root = root;
        _enumerate = enumerate;
    }

    /// <summary>What the input is, for messages (<c>folder /data/archive</c>).</summary>
    public string Description { get; }

    /// <summary>The absolute folder keys are relative to.</summary>
    public string Root { get; }

    /// <summary>Paths never to yield (e.g. the output file and its sidecars when they lie inside the input folder):
    /// a file is left out when its full path starts with one of these.</summary>
    public IReadOnlyList<string> ExcludedPrefixes { get; init; } = [];

    /// <summary>The same input, also leaving out files whose full path starts with one of <paramref name="prefixes"/>.</summary>
    public BatchInput With(IEnumerable<string> prefixes)
    {
        ArgumentNullException.ThrowIfNull(prefixes);
        return new BatchInput(Description, Root, _enumerate) { ExcludedPrefixes = [.. ExcludedPrefixes, .. prefixes] };
    }

    /// <summary>Opens an input: an existing folder, a glob pattern, or an existing list file.</summary>
    /// <param name="input">The folder, pattern or list file as the user gave it.</param>
    /// <exception cref="BatchInputException">The input does not exist or the pattern is invalid.</exception>
    public static BatchInput Open(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Length == 0)
            throw new BatchInputException(input, "empty input: give a folder, a glob pattern or a list file");
        if (Directory.Exists(input))
        {
            var root = Path.GetFullPath(input);
            return new BatchInput("folder " + root, root, () => Walk(root, int.MaxValue).Select(f => new BatchFile(f, Key(root, f))));
        }
        if (input.IndexOfAny(['*', '?']) >= 0)
            return OpenGlob(input);
        var type = FileTypes.Of(input);
        if (FileTypes.IsSpecial(type))
            throw new BatchInputException(input, $"is {FileTypes.Describe(type)}, not a regular file, a folder or a list " +
                                                 "file; only regular files are read");
        if (File.Exists(input))
        {
            var full = Path.GetFullPath(input);
            var root = Path.GetDirectoryName(full)!;
            if (IsList(full, root))
                return new BatchInput("list file " + full, root, () => ReadList(full, root));
            return new BatchInput("file " + full, root, () => [new BatchFile(full, Path.GetFileName(full))]);
        }
        throw new BatchInputException(input, "not found: give an existing folder, a glob pattern (quote it so the " +
                                             "shell does not expand it) or a list file of paths");
    }

    /// <summary>The files of the input, lazily, in a fixed order, less the excluded paths.</summary>
    public IEnumerable<BatchFile> Enumerate()
    {
        foreach (var file in _enumerate())
        {
            if (!IsExcluded(file.FullPath))
                yield return file;
        }
    }

    private bool IsExcluded(string fullPath)
    {
        foreach (var prefix in ExcludedPrefixes)
        {
            if (fullPath.StartsWith(prefix, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    /// <summary>The key of a file below a root: its relative path with <c>/</c> separators.</summary>
    public static string Key(string root, string fullPath) =>
        Path.GetRelativePath(root, fullPath).Replace('\\', '/');

    private static BatchInput OpenGlob(string pattern)
    {
        var normalized = pattern.Replace('\\', '/');
        var rooted = normalized.StartsWith('/');
        var segments = normalized.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var first = Array.FindIndex(segments, s => s.IndexOfAny(['*', '?']) >= 0);
        var baseDir = string.Join('/', segments[..first]);
        if (rooted)
            baseDir = "/" + baseDir;
        var root = Path.GetFullPath(baseDir.Length == 0 ? "." : baseDir);
        if (!Directory.Exists(root))
            throw new BatchInputException(pattern, $"the folder {root} the pattern starts from does not exist");
        var rest = segments[first..];
        var regex = GlobRegex(rest);
        var depth = rest.Contains("**") ? int.MaxValue : rest.Length;
        return new BatchInput("pattern " + pattern, root, () => Walk(root, depth)
            .Select(f => new BatchFile(f, Key(root, f)))
            .Where(f => regex.IsMatch(f.Key)));
    }

    /// <summary>The regular expression that matches a relative path against glob segments.</summary>
    internal static Regex GlobRegex(IReadOnlyList<string> segments)
    {
        var sb = new StringBuilder("^");
        for (var i = 0; i < segments.Count; i++)
        {
            var last = i == segments.Count - 1;
            if (segments[i] == "**")
            {
                sb.Append(last ? ".*" : "(?:[^/]+/)*");
                continue;
            }
            foreach (var c in segments[i])
            {
                sb.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }
            if (!last)
                sb.Append('/');
        }
        sb.Append('$');
        return new Regex(sb.ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, RegexTimeout);
    }

    private static readonly EnumerationOptions Listing = new()
    {
        RecurseSubdirectories = false,
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint,
        IgnoreInaccessible = true,
    };

    /// <summary>Files of a folder: symbolic links included (a link to a regular file is read through; one to a FIFO,
    /// a device or nothing is recorded as failed, by its type, without being opened).</summary>
    private static readonly EnumerationOptions FileListing = new()
    {
        RecurseSubdirectories = false,
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
        IgnoreInaccessible = true,
    };

    /// <summary>Every file below a folder, one folder at a time in ordinal order, at most <paramref name="depth"/>
    /// levels down (1 = the folder's own files). Symbolic links to files are listed (and followed when read); symbolic
    /// links to folders are not followed (no cycles).</summary>
    private static IEnumerable<string> Walk(string root, int depth)
    {
        var pending = new Stack<(string Dir, int Level)>();
        pending.Push((root, 1));
        while (pending.Count > 0)
        {
            var (dir, level) = pending.Pop();
            var files = Directory.GetFiles(dir, "*", FileListing);
            Array.Sort(files, StringComparer.Ordinal);
            foreach (var f in files)
                yield return f;
            if (level >= depth)
                continue;
            var dirs = Directory.GetDirectories(dir, "*", Listing);
            Array.Sort(dirs, StringComparer.Ordinal);
            for (var i = dirs.Length - 1; i >= 0; i--)
                pending.Push((dirs[i], level + 1));
        }
    }

    /// <summary>True when the first path line of the file's first 64 KiB names an existing file or folder.</summary>
    private static bool IsList(string file, string root)
    {
        var buffer = new byte[65536];
        int read;
        try
        {
            using var stream = File.OpenRead(file);
            read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        var head = Encoding.UTF8.GetString(buffer, 0, read);
        foreach (var raw in head.Split('\n'))
        {
            var line = raw.Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            if (line.Length > 4096 || line.Contains('\0', StringComparison.Ordinal))
                return false;
            try
            {
                var path = Path.GetFullPath(Path.Combine(root, line));
                return File.Exists(path) || Directory.Exists(path);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
            {
                return false;
            }
        }
        return false;
    }

    private static IEnumerable<BatchFile> ReadList(string listFile, string root)
    {
        foreach (var raw in File.ReadLines(listFile))
        {
            var line = raw.Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var key = line.Replace('\\', '/');
            while (key.StartsWith("./", StringComparison.Ordinal))
                key = key[2..];
            yield return new BatchFile(Path.GetFullPath(Path.Combine(root, line)), key);
        }
    }
}

/// <summary>The input of a batch cannot be used; names the input and the problem.</summary>
public sealed class BatchInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BatchInputException(string input, string problem, Exception? inner = null) : base($"{input}: {problem}", inner)
    {
        Input = input;
        Problem = problem;
    }

    /// <summary>The input as given.</summary>
    public string Input { get; }

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; }
}
