using GovTextExtract.Lexicons;
using GovTextExtract.Quantities;
using GovTextExtract.Records;
using GovTextExtract.Segmentation;

namespace GovTextExtract.Audit;

/// <summary>Checks a document's completion records against its text and gives each record a complete, de-duplicated
/// list of audit flags, each with a severity, an explanation in Chinese and English and the evidence offsets:
/// <list type="bullet">
/// <item><c>rate_mismatch</c>: a stated rate that actual ÷ target does not give, once the rounding of the rate and of
/// the figures is allowed for (109% for 1090.4 of 1000 is right; 112% where the figures give 121% is not).</item>
/// <item><c>claim_contradiction</c>: a claim that targets were met or exceeded ("甲、乙等指标完成年度目标任务",
/// "超额完成年度目标任务") over records whose figures fall short; <c>claim_unverified</c> where no figure is reported.</item>
/// <item><c>unit_suspect</c>: an actual under 1/100 or over 100 times its target (a lost 万, with the reading it
/// suggests), or a figure written without a unit.</item>
/// <item><c>parts_sum</c>: an actual summed from parts by level, and parts that do not add up to their stated total
/// ("80个项目中13个…,70个…,5个…").</item>
/// <item><c>not_reported</c>, <c>estimate</c>, <c>partial_period</c>, <c>derived_target</c>: what is missing or
/// provisional in the actual or target.</item>
/// </list>
/// Flags of these codes raised earlier (by the pairer) are replaced by the auditor's; other flags are kept. Auditing
/// audited records again gives the same flags.</summary>
/// <remarks>Thread-safe: an auditor holds only read-only lexicons, and one instance may audit many documents at once.</remarks>
/// <example><code>
/// var result = GovText.ExtractFile("circular.txt");
/// var report = Auditor.Default.Audit(result);
/// foreach (var f in report.AllFlags) Console.WriteLine($"{f.Code} {f.Severity}: {f.MessageZh}");
/// </code></example>
public sealed class Auditor
{
    private static readonly Lazy<Auditor> DefaultAuditor = new(() => new Auditor(LexiconSet.Default, null, new Lazy<ChineseSegmenter?>(() => ChineseSegmenter.Shared)));

    private readonly LexiconSet _lex;
    private readonly QuantityRecognizer _recognizer;
    private readonly Lazy<ChineseSegmenter?> _segmenter;

    /// <summary>Creates an auditor.</summary>
    /// <param name="lexicons">The lexicons (claim words, cue words, units); null for <see cref="LexiconSet.Default"/>.</param>
    /// <param name="recognizer">The quantity recogniser; null for one over <paramref name="lexicons"/>.</param>
    /// <param name="segmenter">A word segmenter that keeps cuts of glued claim lists at word boundaries; without one
    /// a list is cut at any opener or closer word.</param>
    public Auditor(LexiconSet? lexicons = null, QuantityRecognizer? recognizer = null, ChineseSegmenter? segmenter = null)
        : this(lexicons, recognizer, new Lazy<ChineseSegmenter?>(segmenter))
    {
    }

    /// <summary>Creates an auditor whose segmenter is made on first use: only glued claim lists need it.</summary>
    internal Auditor(LexiconSet? lexicons, QuantityRecognizer? recognizer, Lazy<ChineseSegmenter?> segmenter)
    {
        _lex = lexicons ?? LexiconSet.Default;
        _recognizer = recognizer ?? new QuantityRecognizer(_lex);
        _segmenter = segmenter;
    }

    /// <summary>The auditor with the default lexicons and the shared segmenter.</summary>
    public static Auditor Default => DefaultAuditor.Value;

    /// <summary>Audits the records of an extraction result.</summary>
    public AuditReport Audit(ExtractionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        // A work report read alone states its targets; their results are in the next year's report, so a target
        // without an actual is no gap there.
        return Audit(result.SourceText, result.Records, result.Document, coverage: result.Kind != DocumentKind.WorkReport);
    }

    /// <summary>Audits records against the decoded text their evidence offsets refer to.</summary>
    /// <param name="text">The document's decoded text (<see cref="ExtractionResult.SourceText"/>).</param>
    /// <param name="records">The paired records, with evidence offsets into <paramref name="text"/>.</param>
    /// <param name="document">The document's name, for the report.</param>
    /// <returns>The records in the same order, each with its complete flag list, and the findings no record carries.</returns>
    public AuditReport Audit(string text, IReadOnlyList<CompletionRecord> records, string document = "text") =>
        Audit(text, records, document, coverage: true);

    private AuditReport Audit(string text, IReadOnlyList<CompletionRecord> records, string document, bool coverage)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(document);
        var doc = new AuditDocument(text, records, _lex, _recognizer);
        var findings = new List<Finding>();
        if (coverage) findings.AddRange(CoverageCheck.Run(doc));
        findings.AddRange(RateCheck.Run(doc));
        findings.AddRange(UnitCheck.Run(doc));
        findings.AddRange(PartsCheck.Run(doc));
        // A record whose parts fall short or whose magnitude is doubtful contradicts a claim less surely.
        var doubtful = findings
            .Where(f => f.Record is not null && f.Flag.Severity != AuditSeverity.Info
                        && f.Flag.Code is AuditCodes.UnitSuspect or AuditCodes.PartsSum)
            .Select(f => f.Record!.Value)
            .ToHashSet();
        findings.AddRange(ClaimCheck.Run(doc, _segmenter, doubtful));

        var byRecord = findings.Where(f => f.Record is not null).ToLookup(f => f.Record!.Value, f => f.Flag);
        var audited = new CompletionRecord[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            var kept = records[i].Flags.Where(f => !AuditCodes.Recomputed.Contains(f.Code));
            audited[i] = records[i] with { Flags = Distinct(kept.Concat(byRecord[i])) };
        }
        return new AuditReport
        {
            Document = document,
            SourceText = text,
            Records = audited,
            DocumentFlags = Distinct(findings.Where(f => f.Record is null).Select(f => f.Flag)),
        };
    }

    /// <summary>Audits records and returns them with their complete flag lists (findings about the document that no
    /// record carries are left out; <see cref="Audit(string, IReadOnlyList{CompletionRecord}, string)"/> gives them).</summary>
    public IReadOnlyList<CompletionRecord> AuditRecords(string text, IReadOnlyList<CompletionRecord> records) =>
        Audit(text, records).Records;

    /// <summary>One flag per code and message, the first kept.</summary>
    private static AuditFlag[] Distinct(IEnumerable<AuditFlag> flags)
    {
        var seen = new HashSet<(string, string)>();
        return flags.Where(f => seen.Add((f.Code, f.Message))).ToArray();
    }
}
