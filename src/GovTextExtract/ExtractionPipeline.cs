using GovTextExtract.Circulars;
using GovTextExtract.CrossYear;
using GovTextExtract.Documents;
using GovTextExtract.Lexicons;
using GovTextExtract.Loading;
using GovTextExtract.Normalization;
using GovTextExtract.Pairing;
using GovTextExtract.Quantities;
using GovTextExtract.Records;
using GovTextExtract.Segmentation;
using GovTextExtract.Tables;
using GovTextExtract.Text;

namespace GovTextExtract;

/// <summary>The reusable, thread-safe extraction pipeline: load → normalise → recognise quantities → pair targets
/// with actuals → status. Build one and share it; every method may be called from many threads at once.</summary>
public sealed class ExtractionPipeline
{
    private readonly QuantityRecognizer _recognizer;
    private readonly CircularPairer _pairer;

    /// <summary>Creates a pipeline.</summary>
    public ExtractionPipeline(ExtractionOptions? options = null)
    {
        Options = options ?? ExtractionOptions.Default;
        Lexicons = Options.Lexicons ?? LexiconSet.Default;
        _recognizer = new QuantityRecognizer(Lexicons);
        _pairer = new CircularPairer(Lexicons, _recognizer, Options, Segmenter);
        _auditor = new Audit.Auditor(Lexicons, _recognizer, Segmenter);
        _crossYear = new CrossYearPairer(Lexicons, _recognizer, Options);
        _documents = new DocumentReader(_recognizer);
        _circulars = new CircularReader(Lexicons, Options.ActiveCircularModels, sources: [new LegacyPairerVotes(_pairer)]);
        // jieba's dictionary (most of a cold start) loads on another thread while the first document is read.
        if (!Segmenter.IsValueCreated) ThreadPool.UnsafeQueueUserWorkItem(static _ => WarmSegmenter(), null);
    }

    /// <summary>The shared segmenter, made on first use: a work report, or the quantities of a text, need none.</summary>
    private static readonly Lazy<ChineseSegmenter?> Segmenter = new(() => ChineseSegmenter.Shared);

    private readonly Audit.Auditor _auditor;
    private readonly DocumentReader _documents;
    private readonly CircularReader _circulars;

    /// <summary>Reads work reports; it keeps no state between calls, so one serves every document and thread.</summary>
    private readonly CrossYearPairer _crossYear;

    /// <summary>The cross-year pairer (the research panel reads reports through it).</summary>
    internal CrossYearPairer CrossYear => _crossYear;

    /// <summary>The options this pipeline was built with.</summary>
    public ExtractionOptions Options { get; }

    /// <summary>The lexicons in use.</summary>
    public LexiconSet Lexicons { get; }

    /// <summary>The quantity recogniser in use.</summary>
    public QuantityRecognizer Recognizer => _recognizer;

    /// <summary>Loads a file and extracts its records.</summary>
    /// <exception cref="DocumentLoadException">The file cannot be loaded.</exception>
    public ExtractionResult ExtractFile(string path) => Extract(DocumentLoader.Load(path, Options.Load));

    /// <summary>Reads a stream and extracts its records.</summary>
    public ExtractionResult Extract(Stream stream, string name) => Extract(DocumentLoader.Load(stream, name, Options.Load));

    /// <summary>Extracts records from text.</summary>
    public ExtractionResult ExtractText(string text, string name = "text")
    {
        ArgumentNullException.ThrowIfNull(text);
        return Extract(new LoadedDocument { Name = name, Text = text, EncodingName = "utf-16" });
    }

    /// <summary>Extracts records from a loaded document.</summary>
    /// <exception cref="ExtractionBudgetException">The extraction ran past <see cref="ExtractionOptions.TimeBudget"/>,
    /// or the text is longer than <see cref="ExtractionOptions.MaxTextCharacters"/>.</exception>
    public ExtractionResult Extract(LoadedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Text.Length > Options.MaxTextCharacters)
            throw new ExtractionBudgetException(document.Name, document.Text.Length, Options.MaxTextCharacters);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        void CheckBudget()
        {
            if (Options.TimeBudget == Timeout.InfiniteTimeSpan) return;
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            if (elapsed > Options.TimeBudget) throw new ExtractionBudgetException(document.Name, Options.TimeBudget, elapsed);
        }
        // A work report read alone gives its main targets; their results are in the next year's report.
        if (_crossYear.WorkReportTargets(document) is { } targets)
        {
            var stated = targets.Where(r => r.Confidence >= Options.MinConfidence)
                .Select(r => r with { Note = "main target of a work report read alone: the next year's report gives its result (pair the two reports)" })
                .ToArray();
            return new ExtractionResult { Document = document.Name, Records = stated, SourceText = document.Text, Kind = DocumentKind.WorkReport, Warnings = document.Warnings };
        }
        CheckBudget();
        var chunk = Math.Max(MinChunkCharacters, Options.ChunkCharacters);
        var paired = document.Text.Length > chunk ? ReadInChunks(document, chunk, CheckBudget) : ReadRecords(document);
        CheckBudget();
        var records = _auditor.AuditRecords(document.Text, paired);
        return new ExtractionResult { Document = document.Name, Records = records, SourceText = document.Text, Kind = DocumentKind.Circular, Warnings = document.Warnings };
    }

    /// <summary>The smallest part a long document is read in, whatever <see cref="ExtractionOptions.ChunkCharacters"/>
    /// says.</summary>
    public const int MinChunkCharacters = 10_000;

    /// <summary>The records of a circular's prose and tables, before the audit.</summary>
    private CompletionRecord[] ReadRecords(LoadedDocument document)
    {
        // The plain-text tables are found once: the document model marks their lines, the table reader reads them.
        var plainTables = TableRecordExtractor.PlainTextTablesOf(document);
        var allTables = document.Tables.Concat(plainTables).OrderBy(t => t.Span.Start).ToArray();
        IEnumerable<CompletionRecord> prose;
        if (Options.CircularReader == CircularReaderKind.Legacy)
        {
            var normalized = TextNormalizer.Normalize(document.Text);
            prose = _pairer.Pair(normalized.Text).Select(r => r with { Evidence = MapEvidence(r.Evidence, normalized) });
        }
        else
        {
            var read = _circulars.Read(_documents.Read(document, allTables));
            prose = read.Records.Select(r => r with { Evidence = MapEvidence(r.Evidence, read.Document.Reading) });
        }
        // Tables of targets (指标 | 目标 | 完成值 | 完成率) give records directly; prose records read off a table's own
        // rows are dropped in favour of the table's: rows of the loader's tables, and of the plain-text tables that
        // gave records.
        var tableRecords = TableRecordExtractor.Extract(document, plainTables, Lexicons, TableHeaderLexicon.Default);
        var tableSpans = allTables.Select(t => t.Span)
            .Where(t => document.Tables.Any(l => l.Span == t) || tableRecords.Any(r => InTable(r.Evidence, [t])))
            .ToArray();
        return prose
            .Where(r => tableRecords.Count == 0 || !InTable(r.Evidence, tableSpans))
            .Concat(tableRecords)
            .Where(r => r.Confidence >= Options.MinConfidence)
            .OrderBy(r => r.Evidence.Target?.Start ?? r.Evidence.Actual?.Start ?? 0)
            .ToArray();
    }

    /// <summary>Reads a document longer than <see cref="ExtractionOptions.ChunkCharacters"/> part by part: each part
    /// ends at a line break (never inside a table of the loader's), is read as a document of its own, and its records'
    /// evidence is shifted back into the whole text; records repeated across parts are kept once. Time and memory then
    /// grow with the length of the document, not its square, at the cost of pairs whose target and result lie in
    /// different parts.</summary>
    private CompletionRecord[] ReadInChunks(LoadedDocument document, int size, Action checkBudget)
    {
        var records = new List<CompletionRecord>();
        foreach (var (start, end) in Chunks(document, size))
        {
            checkBudget();
            var span = SourceSpan.FromBounds(start, end);
            var part = document with
            {
                Text = document.Text[start..end],
                Tables = document.Tables.Where(t => span.Contains(t.Span)).Select(t => Shift(t, -start)).ToArray(),
                Blocks = document.Blocks.Where(b => span.Contains(b.Span)).Select(b => b with { Span = Shift(b.Span, -start) }).ToArray(),
            };
            foreach (var r in ReadRecords(part))
                records.Add(r with { Evidence = new RecordEvidence { Target = Shift(r.Evidence.Target, start), Actual = Shift(r.Evidence.Actual, start), Rate = Shift(r.Evidence.Rate, start) } });
        }
        return Circulars.RecordAssembler.Distinct(records).ToArray();
    }

    /// <summary>The parts of a long document: about <paramref name="size"/> characters each, ending after a line
    /// break in their second half that no loader table spans, else at the next such break, else where the size ends.</summary>
    internal static IEnumerable<(int Start, int End)> Chunks(LoadedDocument document, int size)
    {
        var text = document.Text;
        bool InTable(int at) => document.Tables.Any(t => t.Span.Start < at && at < t.Span.End);
        var start = 0;
        while (start < text.Length)
        {
            var end = Math.Min(text.Length, start + size);
            if (end < text.Length)
            {
                var cut = -1;
                for (var i = end - 1; i >= start + size / 2 && cut < 0; i--)
                    if (text[i] == '\n' && !InTable(i + 1)) cut = i + 1;
                for (var i = end; i < text.Length && cut < 0; i++)
                    if (text[i] == '\n' && !InTable(i + 1)) cut = i + 1;
                end = cut > start ? cut : end;
            }
            yield return (start, end);
            start = end;
        }
    }

    private static SourceSpan Shift(SourceSpan span, int by) => new(span.Start + by, span.Length);

    private static SourceSpan? Shift(SourceSpan? span, int by) => span is { } s ? Shift(s, by) : null;

    private static DocumentTable Shift(DocumentTable table, int by) => new(
        table.Rows.Select(r => new DocumentTableRow(r.Cells.Select(c => c with { Span = Shift(c.Span, by) }).ToArray(), Shift(r.Span, by))).ToArray(),
        Shift(table.Span, by));

    /// <summary>Reads a document as a circular or progress report: its document model, every figure's role, the
    /// links chosen and the records of its prose (evidence spans in the reading text). Tables are read separately.</summary>
    public CircularReading ReadCircular(LoadedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return _circulars.Read(_documents.Read(document));
    }

    /// <summary>Reads a loaded document into the document model every stage uses.</summary>
    public GovDocument ReadDocument(LoadedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return _documents.Read(document);
    }

    /// <summary>Pairs the main targets of a year-N work report with the results the year-N+1 report gives.</summary>
    public CrossYearResult PairReports(string targetReportPath, string actualReportPath) => PairReports(targetReportPath, actualReportPath, force: false);

    /// <summary>Pairs the main targets of a year-N work report with the results the year-N+1 report gives; with
    /// <paramref name="force"/>, reports that are not year N and N+1 of one place pair all the same, each record
    /// flagged <c>pair_mismatch</c>.</summary>
    /// <exception cref="ReportPairException">Without <paramref name="force"/>: the same document twice, two places, or
    /// years that are not N then N+1.</exception>
    public CrossYearResult PairReports(string targetReportPath, string actualReportPath, bool force) =>
        PairReports(DocumentLoader.Load(targetReportPath, Options.Load), DocumentLoader.Load(actualReportPath, Options.Load), force);

    /// <summary>Pairs the main targets of a year-N work report with the results the year-N+1 report gives.</summary>
    /// <exception cref="ReportPairException">The same document twice, two places, or years that are not N then N+1.</exception>
    public CrossYearResult PairReports(LoadedDocument targetReport, LoadedDocument actualReport) => PairReports(targetReport, actualReport, force: false);

    /// <summary>Pairs the main targets of a year-N work report with the results the year-N+1 report gives; with
    /// <paramref name="force"/>, reports that are not year N and N+1 of one place pair all the same, each record
    /// flagged <c>pair_mismatch</c>.</summary>
    /// <exception cref="ReportPairException">Without <paramref name="force"/>: the same document twice, two places, or
    /// years that are not N then N+1.</exception>
    public CrossYearResult PairReports(LoadedDocument targetReport, LoadedDocument actualReport, bool force)
    {
        ArgumentNullException.ThrowIfNull(targetReport);
        ArgumentNullException.ThrowIfNull(actualReport);
        var result = _crossYear.Pair(targetReport, actualReport, force);
        return result with { Records = result.Records.Where(r => r.Confidence >= Options.MinConfidence).ToArray() };
    }

    /// <summary>Places every report of a folder (place and year from title and first lines) and pairs each
    /// same-place consecutive-year pair.</summary>
    public ArchivePairing PairArchive(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var pairing = new ArchivePairer(_crossYear, Options.Load).Pair(directory);
        return pairing with
        {
            Pairs = pairing.Pairs
                .Select(p => p with { Records = p.Records.Where(r => r.Confidence >= Options.MinConfidence).ToArray() })
                .ToArray(),
        };
    }

    /// <summary>Every recognised quantity of a text, with spans into that text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="includeNonFigures">Also return dates, document numbers, ranks and item numbers (figures and
    /// statements of no change, 持平, are always returned).</param>
    public IReadOnlyList<Quantity> RecognizeQuantities(string text, bool includeNonFigures = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = TextNormalizer.Normalize(text);
        return _recognizer.Recognize(normalized.Text)
            .Where(q => includeNonFigures || q.IsFigure || q.Kind == QuantityKind.NoChange)
            .Select(q => q with
            {
                Span = normalized.ToOriginal(q.Span),
                CoreSpan = normalized.ToOriginal(q.CoreSpan),
                Text = text.Substring(normalized.ToOriginal(q.Span).Start, normalized.ToOriginal(q.Span).Length),
            })
            .ToArray();
    }

    private static void WarmSegmenter()
    {
        try
        {
            _ = Segmenter.Value;
        }
        catch (SegmenterDataException)
        {
            // The pairer meets the same error on its own thread, where it is reported.
        }
    }

    private static bool InTable(RecordEvidence e, SourceSpan[] tables) =>
        tables.Any(t => (e.Target is { } ts && t.Contains(ts)) || (e.Actual is { } a && t.Contains(a)));

    private static RecordEvidence MapEvidence(RecordEvidence e, NormalizedText n) => new()
    {
        Target = Map(e.Target, n),
        Actual = Map(e.Actual, n),
        Rate = Map(e.Rate, n),
    };

    private static SourceSpan? Map(SourceSpan? span, NormalizedText n) => span is { } s ? n.ToOriginal(s) : null;
}
