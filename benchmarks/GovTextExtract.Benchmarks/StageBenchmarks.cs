using GovTextExtract.Loading;
using BenchmarkDotNet.Attributes;
using GovTextExtract.Normalization;
using GovTextExtract.Segmentation;

namespace GovTextExtract.Benchmarks;

/// <summary>The hot stages on the repository's circular (corpus/xianning-2019-completion.txt): jieba segmentation,
/// quantity recognition, and the whole text pipeline (normalise, recognise, pair, status), which segments too.</summary>
/// <remarks>The ratio of <see cref="Extract"/> to <see cref="Segment"/> is the cost of everything beyond jieba.
/// Throughput in MB/s is the file size (<see cref="Bytes"/>, printed by the setup) divided by the mean.</remarks>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private string _text = "";
    private string _normalized = "";
    private ExtractionPipeline _pipeline = null!;

    /// <summary>UTF-8 size of the benchmarked text.</summary>
    public long Bytes { get; private set; }

    /// <summary>Loads the circular and warms every stage up (dictionaries, lexicons, regexes).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var path = CorpusFile.Find("xianning-2019-completion.txt");
        _text = File.ReadAllText(path);
        Bytes = new FileInfo(path).Length;
        _pipeline = new ExtractionPipeline();
        _normalized = TextNormalizer.Normalize(_text).Text;
        _pipeline.ExtractText(_text);
        Console.WriteLine($"// text: {path}, {Bytes} bytes, {_text.Length} chars");
    }

    /// <summary>jieba segmentation alone (precise mode with HMM, as the pairer uses it).</summary>
    [Benchmark]
    public int Segment() => ChineseSegmenter.Shared.Cut(_text).Count;

    /// <summary>Quantity recognition on the normalised text.</summary>
    [Benchmark]
    public int Quantities() => _pipeline.Recognizer.Recognize(_normalized).Count;

    /// <summary>The document model alone: normalisation, blocks, sentences, tables and every figure as a mention.</summary>
    [Benchmark]
    public int DocumentModel() => _pipeline.ReadDocument(Loaded()).Mentions.Count;

    /// <summary>The circular reader on its document model: every rule's votes (the earlier pairer's among them),
    /// roles, links and records.</summary>
    [Benchmark]
    public int ReadCircular() => _pipeline.ReadCircular(Loaded()).Records.Count;

    private LoadedDocument Loaded() => new() { Name = "text", Text = _text, EncodingName = "utf-16" };

    /// <summary>The whole text pipeline: what <c>govtext extract</c> does after loading.</summary>
    [Benchmark(Baseline = true)]
    public int Extract() => _pipeline.ExtractText(_text).Records.Count;
}

/// <summary>Finds a file of the repository's corpus/ folder from wherever BenchmarkDotNet runs the benchmark.</summary>
public static class CorpusFile
{
    /// <summary>The path of corpus/<paramref name="name"/>: under <c>GOVTEXT_REPO</c> when set, else in the first
    /// folder above the working directory or the assembly that holds it.</summary>
    /// <exception cref="FileNotFoundException">No such folder above.</exception>
    public static string Find(string name)
    {
        if (Environment.GetEnvironmentVariable("GOVTEXT_REPO") is { Length: > 0 } repo)
            return Path.Combine(repo, "corpus", name);
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "corpus", name);
                if (File.Exists(candidate))
                    return candidate;
            }
        }
        throw new FileNotFoundException($"corpus/{name} not found above {Directory.GetCurrentDirectory()}; set GOVTEXT_REPO", name);
    }
}
