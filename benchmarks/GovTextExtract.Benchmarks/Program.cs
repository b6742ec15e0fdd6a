using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using GovTextExtract.Loading;
using GovTextExtract.Segmentation;

namespace GovTextExtract.Benchmarks;

/// <summary>Runs the benchmarks: <c>dotnet run -c Release --project benchmarks/GovTextExtract.Benchmarks -- --filter '*'</c>;
/// or <c>segment DIR</c>: jieba alone over every file of a folder, the yardstick scripts/bench-e2e.sh divides the
/// end-to-end time by.</summary>
public static class Program
{
    /// <summary>Entry point; arguments go to BenchmarkDotNet's switcher (<c>--filter</c>, <c>--job short</c> …)
    /// unless the first is <c>segment</c>.</summary>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is ["segment", var dir])
            return SegmentFolder(dir);
        if (args is ["startup"])
            return Startup();
        if (args.Length > 0 && args[0] == "scaling")
            return Scaling(args[1..]);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    /// <summary>How time grows with the size of one document: the circular repeated to each size given (in characters),
    /// extracted after a warm-up, with the peak working set of the process so far (run one size per process for the
    /// peak of that size alone).</summary>
    private static int Scaling(string[] sizes)
    {
        var pipeline = new ExtractionPipeline();
        var circular = File.ReadAllText(CorpusFile.Find("xianning-2019-completion.txt"));
        pipeline.ExtractText(circular);
        foreach (var size in sizes.Select(s => int.Parse(s, CultureInfo.InvariantCulture)))
        {
            var builder = new System.Text.StringBuilder(size + circular.Length);
            while (builder.Length < size) builder.Append(circular).Append('\n');
            var doc = new LoadedDocument { Name = "dense", Text = builder.ToString(0, size), EncodingName = "utf-16" };
            var watch = Stopwatch.StartNew();
            var result = pipeline.Extract(doc);
            var extractTime = watch.Elapsed;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"scaling: {size,10} chars  extract {extractTime.TotalSeconds,7:0.00} s ({result.Records.Count} records)  peak working set so far {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576,5} MB"));
        }
        return 0;
    }

    /// <summary>Where a cold start goes: the first use of each stage, in wall time and process CPU time.</summary>
    private static int Startup()
    {
        var process = Process.GetCurrentProcess();
        // From the start of the process, so the first line is the runtime's own start-up.
        var started = process.StartTime.ToUniversalTime();
        var lastWall = TimeSpan.Zero;
        var lastCpu = TimeSpan.Zero;
        void Mark(string stage)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var elapsed = DateTime.UtcNow - started;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"startup: {stage,-36} {(elapsed - lastWall).TotalMilliseconds,7:0} ms wall {(cpu - lastCpu).TotalMilliseconds,7:0} ms CPU"));
            lastWall = elapsed;
            lastCpu = cpu;
        }
        Mark("process start to Main (runtime)");
        _ = Lexicons.LexiconSet.Default;
        Mark("lexicons (embedded JSON)");
        _ = ChineseSegmenter.Shared;
        Mark("jieba dictionary + user words");
        var pipeline = new ExtractionPipeline();
        Mark("pipeline (recogniser, pairer)");
        var text = File.ReadAllText(CorpusFile.Find("xianning-2019-completion.txt"));
        pipeline.ExtractText(text);
        Mark("first extract of the circular");
        pipeline.ExtractText(text);
        Mark("second extract (warm)");
        return 0;
    }

    /// <summary>Loads every file below a folder, then times jieba's segmentation of each text on one thread.</summary>
    private static int SegmentFolder(string dir)
    {
        var segmenter = ChineseSegmenter.Shared;
        segmenter.Cut("预热分词器");
        long bytes = 0, words = 0;
        var files = 0;
        var segmenting = TimeSpan.Zero;
        var wall = Stopwatch.StartNew();
        foreach (var path in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            LoadedDocument doc;
            try
            {
                doc = DocumentLoader.Load(path);
            }
            catch (DocumentLoadException)
            {
                continue;
            }
            bytes += new FileInfo(path).Length;
            files++;
            var start = Stopwatch.GetTimestamp();
            words += segmenter.Cut(doc.Text).Count;
            segmenting += Stopwatch.GetElapsedTime(start);
        }
        wall.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"segment: {files} files, {bytes / 1e6:0.00} MB, {words} words, segmentation {segmenting.TotalSeconds:0.00} s " +
            $"({bytes / 1e6 / segmenting.TotalSeconds:0.00} MB/s), wall {wall.Elapsed.TotalSeconds:0.00} s"));
        return 0;
    }
}
