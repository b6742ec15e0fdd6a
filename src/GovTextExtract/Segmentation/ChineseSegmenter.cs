using System.Reflection;
using System.Security.Cryptography;
using JiebaNet.Segmenter;

namespace GovTextExtract.Segmentation;

/// <summary>Word segmentation with jieba.NET, its dictionaries shipped inside this library, plus a domain user
/// dictionary of government vocabulary (<c>models/segmenter/userdict.txt</c>).</summary>
/// <remarks>jieba keeps its dictionary in a process-wide singleton read from <see cref="ConfigManager.ConfigFileBaseDir"/>
/// on first use, so the directory is fixed once per process, before the first jieba segmenter is made. After the user
/// words are added the segmenter only reads shared state, and one instance serves all threads.</remarks>
public sealed class ChineseSegmenter
{
    /// <summary>The files jieba needs in its data directory.</summary>
    public static readonly IReadOnlyList<string> RequiredFiles = ["dict.txt", "prob_trans.json", "prob_emit.json"];

    private static readonly Lock InitLock = new();
    private static ChineseSegmenter? _shared;
    private static string? _dataDirectory;
    private readonly JiebaSegmenter _jieba;

    private ChineseSegmenter(JiebaSegmenter jieba) => _jieba = jieba;

    /// <summary>The process-wide segmenter, initialised on first use from the embedded dictionaries.</summary>
    /// <exception cref="SegmenterDataException">The embedded dictionary files are missing.</exception>
    public static ChineseSegmenter Shared
    {
        get
        {
            if (_shared is not null) return _shared;
            lock (InitLock)
            {
                return _shared ??= Create(ExtractEmbeddedData());
            }
        }
    }

    /// <summary>The directory jieba reads its dictionaries from, once initialised.</summary>
    public static string? DataDirectory => _dataDirectory;

    /// <summary>Checks that a directory holds every file jieba needs.</summary>
    /// <exception cref="SegmenterDataException">A file is missing or empty; the message names it.</exception>
    public static void ValidateDataDirectory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        foreach (var file in RequiredFiles)
        {
            var path = Path.Combine(directory, file);
            if (!File.Exists(path) || new FileInfo(path).Length == 0)
                throw new SegmenterDataException(
                    $"jieba dictionary file '{file}' is missing from '{directory}'; without it segmentation is wrong or fails");
        }
    }

    /// <summary>Names of the jieba files embedded in this assembly.</summary>
    public static IReadOnlyList<string> EmbeddedDataFiles() =>
        typeof(ChineseSegmenter).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("GovTextExtract.Jieba.", StringComparison.Ordinal))
            .Select(n => n["GovTextExtract.Jieba.".Length..])
            .ToArray();

    /// <summary>Segments text into words.</summary>
    public IReadOnlyList<string> Cut(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _jieba.Cut(text, cutAll: false, hmm: true).ToList();
    }

    private static ChineseSegmenter Create(string directory)
    {
        ValidateDataDirectory(directory);
        if (_dataDirectory is not null && _dataDirectory != directory)
            throw new InvalidOperationException("jieba's data directory is fixed once per process");
        ConfigManager.ConfigFileBaseDir = directory;
        _dataDirectory = directory;
        var jieba = new JiebaSegmenter();
        foreach (var (word, freq) in UserDictionary.Load())
            jieba.AddWord(word, freq);
        return new ChineseSegmenter(jieba);
    }

    /// <summary>Writes the embedded jieba files to a per-version cache folder (once) and returns its absolute path.</summary>
    internal static string ExtractEmbeddedData()
    {
        var asm = typeof(ChineseSegmenter).Assembly;
        var files = EmbeddedDataFiles();
        foreach (var required in RequiredFiles)
        {
            if (!files.Contains(required))
                throw new SegmenterDataException($"jieba dictionary file '{required}' is not embedded in {asm.GetName().Name}");
        }
        var stamp = Stamp(asm);
        var dir = Path.Combine(Path.GetTempPath(), "GovTextExtract", "jieba-" + stamp);
        Directory.CreateDirectory(dir);
        foreach (var file in RequiredFiles)
        {
            var target = Path.Combine(dir, file);
            using var res = asm.GetManifestResourceStream("GovTextExtract.Jieba." + file)!;
            if (File.Exists(target) && new FileInfo(target).Length == res.Length) continue;
            // Write to a unique temporary name and move, so parallel processes never read a half-written file.
            var tmp = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
            using (var outStream = File.Create(tmp)) res.CopyTo(outStream);
            File.Move(tmp, target, overwrite: true);
        }
        return Path.GetFullPath(dir);
    }

    private static string Stamp(Assembly asm)
    {
        using var res = asm.GetManifestResourceStream("GovTextExtract.Jieba.dict.txt")!;
        var hash = SHA256.HashData(res);
        return Convert.ToHexString(hash, 0, 6).ToLowerInvariant();
    }
}
