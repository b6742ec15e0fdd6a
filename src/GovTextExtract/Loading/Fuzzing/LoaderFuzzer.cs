using System.Diagnostics;
using System.IO.Compression;

namespace GovTextExtract.Loading.Fuzzing;

/// <summary>Options of a <see cref="LoaderFuzzer"/>. Every default is the documented one.</summary>
public sealed record LoaderFuzzOptions
{
    /// <summary>The random seed; the same seed and case number always give the same bytes. Default 20240604.</summary>
    public int Seed { get; init; } = 20240604;

    /// <summary>The load options each case runs under. Default: <see cref="LoadOptions.Default"/> with
    /// <see cref="LoadOptions.MaxDecompressedBytes"/> lowered to 16 MiB and <see cref="LoadOptions.MaxTextCharacters"/>
    /// to 1,000,000 (so that bombs and huge runs stay cheap) and a time budget of 10 s.</summary>
    public LoadOptions Load { get; init; } = new()
    {
        MaxDecompressedBytes = 16L * 1024 * 1024,
        MaxTextCharacters = 1_000_000,
        TimeBudget = TimeSpan.FromSeconds(10),
    };

    /// <summary>The most memory one case may take: the process's peak resident memory while the case runs (Linux's
    /// VmHWM, reset before each case), the runtime's own included. Default 1 GiB.</summary>
    public long MemoryBudgetBytes { get; init; } = 1L << 30;

    /// <summary>The documents to mutate; null (default) uses the built-in seeds (text, HTML in three charset
    /// settings, DOCX, a Latin and a CJK PDF, an encrypted PDF, a DOCX zip bomb).</summary>
    public IReadOnlyList<FuzzSeed>? Seeds { get; init; }

    /// <summary>How many unhandled exceptions the report keeps as examples. Default 20.</summary>
    public int MaxExamples { get; init; } = 20;
}

/// <summary>One generated case: which seed, which mutation, and the bytes.</summary>
/// <param name="Index">Case number.</param>
/// <param name="Seed">Name of the seed document.</param>
/// <param name="Mutation">What was done to it.</param>
/// <param name="Bytes">The mutated bytes.</param>
public sealed record FuzzCase(int Index, string Seed, string Mutation, byte[] Bytes);

/// <summary>An exception that escaped <see cref="DocumentLoader"/> (anything but <see cref="DocumentLoadException"/>).</summary>
/// <param name="Index">Case number (regenerate it with <see cref="LoaderFuzzer.MakeCase"/>).</param>
/// <param name="Seed">Seed document name.</param>
/// <param name="Mutation">Mutation applied.</param>
/// <param name="ExceptionType">Full name of the exception type.</param>
/// <param name="Message">The exception message.</param>
public sealed record FuzzFailure(int Index, string Seed, string Mutation, string ExceptionType, string Message);

/// <summary>What a fuzz run found.</summary>
public sealed record FuzzReport
{
    /// <summary>Cases run.</summary>
    public required int Cases { get; init; }
    /// <summary>Cases that loaded into a document.</summary>
    public required int Loaded { get; init; }
    /// <summary>Cases rejected with a <see cref="DocumentLoadException"/>, by reason.</summary>
    public required IReadOnlyDictionary<LoadFailure, int> Rejected { get; init; }
    /// <summary>For rejections that wrap a parser's own exception (damaged input the parser noticed), that
    /// exception's type name and count: shows which parser errors the loader translated.</summary>
    public required IReadOnlyDictionary<string, int> TranslatedParserErrors { get; init; }
    /// <summary>Exceptions other than <see cref="DocumentLoadException"/> that escaped the loader, by type name. A
    /// correct loader has none.</summary>
    public required IReadOnlyDictionary<string, int> Unhandled { get; init; }
    /// <summary>The first unhandled exceptions, to reproduce.</summary>
    public required IReadOnlyList<FuzzFailure> UnhandledExamples { get; init; }
    /// <summary>Cases per seed document.</summary>
    public required IReadOnlyDictionary<string, int> CasesBySeed { get; init; }
    /// <summary>Wall time of the run.</summary>
    public required TimeSpan Elapsed { get; init; }
    /// <summary>The slowest case's time.</summary>
    public required TimeSpan Slowest { get; init; }
    /// <summary>The slowest case ("index seed mutation").</summary>
    public required string SlowestCase { get; init; }
    /// <summary>Cases that returned (loaded or threw) later than the time budget allows (the watchdog should make
    /// this 0; plain text is not run under it).</summary>
    public required int OverBudget { get; init; }
    /// <summary>The highest peak memory of any one case, in bytes (see <see cref="LoaderFuzzOptions.MemoryBudgetBytes"/>).</summary>
    public long PeakBytes { get; init; }
    /// <summary>The case with the highest peak ("index seed mutation").</summary>
    public string PeakCase { get; init; } = "";
    /// <summary>Cases whose peak memory passed <see cref="LoaderFuzzOptions.MemoryBudgetBytes"/>.</summary>
    public int OverMemoryBudget { get; init; }
    /// <summary>Cases per mutation (the structural attacks among them).</summary>
    public IReadOnlyDictionary<string, int> CasesByMutation { get; init; } = new Dictionary<string, int>();
    /// <summary>Total rejections.</summary>
    public int RejectedTotal => Rejected.Values.Sum();
    /// <summary>Total unhandled exceptions.</summary>
    public int UnhandledTotal => Unhandled.Values.Sum();
}

/// <summary>Mutates real HTML, DOCX, PDF and text bytes and checks that <see cref="DocumentLoader"/> either loads
/// each case or rejects it with a typed <see cref="DocumentLoadException"/> within the time budget.</summary>
/// <remarks>Mutations: bit flips, byte overwrites, truncation, junk insertion, range deletion and duplication,
/// numbers made extreme (PDF lengths and offsets), splicing two seeds, and for zips a mutation of one entry's
/// uncompressed bytes re-zipped (so that the XML parser, not the zip reader, meets the damage) or a lying size
/// header. Deterministic: case i of seed s is always the same bytes.</remarks>
public sealed class LoaderFuzzer
{
    private readonly LoaderFuzzOptions _options;
    private readonly IReadOnlyList<FuzzSeed> _seeds;

    private static readonly string[] Mutations =
    [
        "flip-bits", "overwrite-bytes", "truncate", "insert-junk", "delete-range", "duplicate-range",
        "extreme-number", "splice", "zip-entry", "zip-size-lie", "markup-junk",
        .. StructuralAttacks.Names,
    ];

    /// <summary>Creates a fuzzer.</summary>
    public LoaderFuzzer(LoaderFuzzOptions? options = null)
    {
        _options = options ?? new LoaderFuzzOptions();
        _seeds = _options.Seeds ?? SeedDocuments.All(_options.Load.MaxDecompressedBytes);
        if (_seeds.Count == 0) throw new ArgumentException("the fuzzer needs at least one seed document", nameof(options));
    }

    /// <summary>The seeds this fuzzer mutates.</summary>
    public IReadOnlyList<FuzzSeed> Seeds => _seeds;

    /// <summary>The built-in seed documents.</summary>
    public static IReadOnlyList<FuzzSeed> BuiltInSeeds() => SeedDocuments.All(new LoaderFuzzOptions().Load.MaxDecompressedBytes);

    /// <summary>Runs <paramref name="cases"/> cases.</summary>
    /// <param name="cases">Number of cases.</param>
    /// <param name="progress">Told the number of cases done, every 100 cases.</param>
    /// <param name="cancellationToken">Stops the run between cases; the report covers the cases run.</param>
    public FuzzReport Run(int cases, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cases);
        var rejected = new Dictionary<LoadFailure, int>();
        var translated = new Dictionary<string, int>(StringComparer.Ordinal);
        var unhandled = new Dictionary<string, int>(StringComparer.Ordinal);
        var examples = new List<FuzzFailure>();
        var bySeed = new Dictionary<string, int>(StringComparer.Ordinal);
        var loaded = 0;
        var run = 0;
        var overBudget = 0;
        var slowest = TimeSpan.Zero;
        var slowestCase = "";
        var byMutation = new Dictionary<string, int>(StringComparer.Ordinal);
        long peakBytes = 0;
        var peakCase = "";
        var overMemory = 0;
        var total = Stopwatch.StartNew();
        var budget = _options.Load.TimeBudget;
        for (var i = 0; i < cases && !cancellationToken.IsCancellationRequested; i++)
        {
            var c = MakeCase(i);
            bySeed[c.Seed] = bySeed.GetValueOrDefault(c.Seed) + 1;
            byMutation[c.Mutation] = byMutation.GetValueOrDefault(c.Mutation) + 1;
            using var memory = PeakMemory.Start();
            var sw = Stopwatch.StartNew();
            try
            {
                DocumentLoader.FromBytes(c.Bytes, c.Seed, _options.Load);
                loaded++;
            }
            catch (DocumentLoadException e)
            {
                rejected[e.Failure] = rejected.GetValueOrDefault(e.Failure) + 1;
                if (e.InnerException is { } inner)
                    translated[inner.GetType().Name] = translated.GetValueOrDefault(inner.GetType().Name) + 1;
            }
#pragma warning disable CA1031 // Counting every escaping exception is the point of the fuzzer.
            catch (Exception e)
#pragma warning restore CA1031
            {
                var type = e.GetType().FullName ?? e.GetType().Name;
                unhandled[type] = unhandled.GetValueOrDefault(type) + 1;
                if (examples.Count < _options.MaxExamples)
                    examples.Add(new FuzzFailure(c.Index, c.Seed, c.Mutation, type, e.Message));
            }
            sw.Stop();
            run++;
            var peak = memory.Peak();
            if (peak > peakBytes)
            {
                peakBytes = peak;
                peakCase = $"{c.Index} {c.Seed} {c.Mutation}";
            }
            if (peak > _options.MemoryBudgetBytes) overMemory++;
            if (sw.Elapsed > slowest)
            {
                slowest = sw.Elapsed;
                slowestCase = $"{c.Index} {c.Seed} {c.Mutation}";
            }
            // A second of grace for thread start and the exception's own cost.
            if (budget != Timeout.InfiniteTimeSpan && sw.Elapsed > budget + TimeSpan.FromSeconds(1)) overBudget++;
            if (run % 100 == 0) progress?.Report(run);
        }
        return new FuzzReport
        {
            Cases = run,
            Loaded = loaded,
            Rejected = rejected,
            TranslatedParserErrors = translated,
            Unhandled = unhandled,
            UnhandledExamples = examples,
            CasesBySeed = bySeed,
            Elapsed = total.Elapsed,
            Slowest = slowest,
            SlowestCase = slowestCase,
            OverBudget = overBudget,
            PeakBytes = peakBytes,
            PeakCase = peakCase,
            OverMemoryBudget = overMemory,
            CasesByMutation = byMutation,
        };
    }

    /// <summary>Builds case <paramref name="index"/>: the seed is chosen round-robin, the mutation at random.</summary>
    public FuzzCase MakeCase(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var random = new Random(Mix(_options.Seed, index));
        var seed = _seeds[index % _seeds.Count];
        var mutation = Mutations[random.Next(Mutations.Length)];
        var bytes = Mutate(seed.Bytes, mutation, random);
        return new FuzzCase(index, seed.Name, mutation, bytes);
    }

    /// <summary>A seed for case <paramref name="index"/> that is the same in every process (unlike
    /// <see cref="HashCode"/>, which is randomised per process).</summary>
    private static int Mix(int seed, int index)
    {
        var z = unchecked((ulong)(uint)seed << 32 | (uint)index) + 0x9E3779B97F4A7C15UL;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)(z ^ (z >> 31));
    }

    private byte[] Mutate(byte[] source, string mutation, Random r)
    {
        if (source.Length == 0) return source;
        switch (mutation)
        {
            case "zip-entry" when IsZip(source):
                return MutateZipEntry(source, r) ?? Bytewise(source, "overwrite-bytes", r);
            case "zip-size-lie" when IsZip(source):
                return LieAboutSizes(source, r);
            case "splice":
                var other = _seeds[r.Next(_seeds.Count)].Bytes;
                var a = r.Next(source.Length + 1);
                var b = r.Next(other.Length + 1);
                return [.. source.AsSpan(0, a), .. other.AsSpan(b)];
            case "markup-junk":
                return InsertMarkup(source, r);
            case var attack when StructuralAttacks.Names.Contains(attack):
                return StructuralAttacks.Apply(attack, source, _options.Load, r);
            default:
                return Bytewise(source, mutation, r);
        }
    }

    internal static bool IsZip(byte[] b) => b.Length > 4 && b[0] == 'P' && b[1] == 'K';

    private static byte[] Bytewise(byte[] source, string mutation, Random r)
    {
        var bytes = (byte[])source.Clone();
        switch (mutation)
        {
            case "flip-bits":
                for (var k = 1 + r.Next(8); k > 0; k--)
                {
                    var i = r.Next(bytes.Length);
                    bytes[i] ^= (byte)(1 << r.Next(8));
                }
                return bytes;
            case "truncate":
                return bytes[..r.Next(bytes.Length)];
            case "insert-junk":
            {
                var at = r.Next(bytes.Length + 1);
                var junk = new byte[1 + r.Next(64)];
                r.NextBytes(junk);
                return [.. bytes.AsSpan(0, at), .. junk, .. bytes.AsSpan(at)];
            }
            case "delete-range":
            {
                var at = r.Next(bytes.Length);
                var length = 1 + r.Next(Math.Min(512, bytes.Length - at));
                return [.. bytes.AsSpan(0, at), .. bytes.AsSpan(at + length)];
            }
            case "duplicate-range":
            {
                var at = r.Next(bytes.Length);
                var length = 1 + r.Next(Math.Min(1024, bytes.Length - at));
                var to = r.Next(bytes.Length + 1);
                return [.. bytes.AsSpan(0, to), .. bytes.AsSpan(at, length), .. bytes.AsSpan(to)];
            }
            case "extreme-number":
                return ExtremeNumber(bytes, r);
            default: // overwrite-bytes
                for (var k = 1 + r.Next(16); k > 0; k--)
                    bytes[r.Next(bytes.Length)] = (byte)r.Next(256);
                return bytes;
        }
    }

    private static readonly string[] Extremes = ["0", "-1", "999999999", "2147483648", "-2147483649", "1e308", "00000000000000000000001", "4294967295"];

    /// <summary>Replaces one run of ASCII digits (a PDF length, offset, object number or count) with an extreme value.</summary>
    private static byte[] ExtremeNumber(byte[] bytes, Random r)
    {
        for (var attempt = 0; attempt < 32; attempt++)
        {
            var i = r.Next(bytes.Length);
            if (bytes[i] is < (byte)'0' or > (byte)'9') continue;
            var start = i;
            while (start > 0 && bytes[start - 1] is >= (byte)'0' and <= (byte)'9') start--;
            var end = i;
            while (end < bytes.Length && bytes[end] is >= (byte)'0' and <= (byte)'9') end++;
            var value = System.Text.Encoding.ASCII.GetBytes(Extremes[r.Next(Extremes.Length)]);
            return [.. bytes.AsSpan(0, start), .. value, .. bytes.AsSpan(end)];
        }
        return Bytewise(bytes, "overwrite-bytes", r);
    }

    private static readonly string[] MarkupJunk =
    [
        "<", ">", "</td>", "<table><tr><td>", "<script>", "<!--", "<meta charset=\"big5\">", "<meta charset=\"x-nonsense\">",
        "&#xD800;", "&#0;", "\0", "<p>", "</html>", "<br>", "<title>", "<td colspan=\"99999\" rowspan=\"99999\">",
        "<![CDATA[", "endobj", "stream\n", "/Length 999999", "xref", "%%EOF", "<w:t>", "</w:p>", "<w:tbl>", "]]>",
    ];

    private static byte[] InsertMarkup(byte[] source, Random r)
    {
        var bytes = source;
        for (var k = 1 + r.Next(4); k > 0; k--)
        {
            var junk = System.Text.Encoding.UTF8.GetBytes(MarkupJunk[r.Next(MarkupJunk.Length)]);
            if (r.Next(8) == 0)
                junk = [.. Enumerable.Repeat(System.Text.Encoding.ASCII.GetBytes("<div>"), 2000 + r.Next(20000)).SelectMany(x => x)];
            var at = r.Next(bytes.Length + 1);
            bytes = [.. bytes.AsSpan(0, at), .. junk, .. bytes.AsSpan(at)];
        }
        return bytes;
    }

    /// <summary>Re-zips the archive with one entry's uncompressed bytes mutated.</summary>
    private static byte[]? MutateZipEntry(byte[] zip, Random r)
    {
        try
        {
            using (var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read))
                if (archive.Entries.Count == 0 || archive.Entries.Any(e => e.Length > 4 * 1024 * 1024)) return null;
            var entries = DocxWriter.ReadEntries(zip);
            // Mostly word/document.xml: that is where the text is parsed.
            var target = entries.FindIndex(e => e.Name == ZipGuard.WordDocumentEntry);
            if (target < 0 || r.Next(3) == 0) target = r.Next(entries.Count);
            var mutation = Mutations[r.Next(6)];
            var mutated = entries[target].Bytes.Length == 0 ? entries[target].Bytes
                : r.Next(2) == 0 ? InsertMarkup(entries[target].Bytes, r) : Bytewise(entries[target].Bytes, mutation, r);
            entries[target] = (entries[target].Name, mutated);
            return DocxWriter.Zip(entries);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Rewrites the uncompressed-size fields of the zip's headers with small or huge values.</summary>
    private static byte[] LieAboutSizes(byte[] zip, Random r)
    {
        var bytes = (byte[])zip.Clone();
        var lie = r.Next(3) switch { 0 => 1u, 1 => uint.MaxValue - 1, _ => (uint)r.Next() };
        for (var i = 0; i + 30 < bytes.Length; i++)
        {
            // Local header: size at +22; central directory header: size at +24.
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 3 && bytes[i + 3] == 4 && r.Next(2) == 0)
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 22, 4), lie);
            else if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2 && i + 28 < bytes.Length && r.Next(2) == 0)
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 24, 4), lie);
        }
        return bytes;
    }
}
