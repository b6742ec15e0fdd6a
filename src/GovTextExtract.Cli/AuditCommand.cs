using System.CommandLine;
using System.Globalization;
using GovTextExtract.Audit;
using GovTextExtract.Loading;
using GovTextExtract.Output;
using GovTextExtract.Records;
using GovTextExtract.Segmentation;

namespace GovTextExtract.Cli;

/// <summary><c>govtext audit FILE|DIR --out report.xlsx</c>: extracts and audits documents and writes an Excel
/// workbook, with a summary on standard output.</summary>
internal static class AuditCommand
{
    /// <summary>The file extensions a folder is searched for: every format <see cref="DocumentLoader"/> reads (text,
    /// HTML, Word DOCX, PDF), the same as <c>extract</c>.</summary>
    public static IReadOnlyList<string> Extensions { get; } =
        [".txt", ".text", ".htm", ".html", ".xhtml", ".shtml", ".docx", ".pdf"];

    public static Command Create(CliContext context)
    {
        var input = new Argument<string>("FILE|DIR")
        {
            Description = "A document that states targets and reports results (text, HTML, DOCX or PDF, as extract " +
                          "reads), or a folder: every .txt, .text, .htm, .html, .xhtml, .shtml, .docx and .pdf file " +
                          "directly in it is audited, in name order (hidden files skipped; a symbolic link to a " +
                          "regular file is read through; a FIFO, device or socket is refused by its type and listed " +
                          "as failed).",
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "The workbook to write (.xlsx). It is replaced in one move, so it is never left half-written.",
            HelpName = "PATH",
            Required = true,
        };
        var maxSeconds = CommonOptions.MaxSeconds();
        var maxText = CommonOptions.MaxText();
        var command = new DescribedCommand("audit",
            "Audit documents' records (stated rates, claims, units, parts, gaps) and write an Excel workbook.",
            "Each document is extracted, then audited. Flags: rate_mismatch (a stated rate the figures do not give, " +
            "rounding allowed for), claim_contradiction (a claim of completion the figures contradict), " +
            "claim_unverified (a claim over a target with no figure), unit_suspect (an actual under 1/100 or over " +
            "100 times its target, or a figure without a unit), parts_sum (an actual summed from parts, or parts that " +
            "do not add up to their total), not_reported, estimate, partial_period, derived_target. Each flag has a " +
            "severity (info, warning, error), an explanation in Chinese and English, and evidence offsets.\n" +
            "The workbook: Records (one row per record, filled by its worst flag), Flags (one row per flag), Summary " +
            "(per document: records by status, flags by severity and code) and, when a document failed, Failures. " +
            "A folder run keeps going past a file that cannot be read, names it on standard error and in Failures, " +
            "and exits 1.\n" +
            "Standard output gets a summary: documents, records, flags by code.\n" +
            "Examples: govtext audit corpus/xianning-2019-completion.txt --out audit.xlsx\n" +
            "          govtext audit circulars/ --out audit.xlsx")
        {
            input, output, maxSeconds, maxText,
        };
        command.SetAction(parse => Run(context, parse.GetValue(input)!, parse.GetValue(output)!,
            CommonOptions.WithBudget(context.Pipeline, parse.GetValue(maxSeconds), parse.GetValue(maxText))));
        return command;
    }

    private static int Run(CliContext context, string path, string outPath, ExtractionPipeline pipeline)
    {
        var folder = Directory.Exists(path);
        if (Directory.Exists(outPath))
            throw new CliException(outPath, "is a directory; give a file name to --out", ExitCodes.OutputFailed);
        if (outPath == "-")
            throw new CliException(outPath, "a workbook needs a file: give --out PATH.xlsx", ExitCodes.Usage);
        if (!outPath.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            context.Warn($"{outPath}: the workbook is written in .xlsx format whatever the file is called");
        IReadOnlyList<string> files;
        if (folder)
        {
            // As batch: hidden files skipped, symbolic links to files listed (read through when regular).
            files = Directory.EnumerateFiles(path, "*", new EnumerationOptions
                {
                    AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
                    IgnoreInaccessible = true,
                })
                .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToArray();
            if (files.Count == 0)
                throw new CliException(path, $"no {string.Join(" or ", Extensions)} files in the folder", ExitCodes.InputFailed);
        }
        else
        {
            files = [path];
        }

        OutputTarget.CheckNotInput(outPath, files);
        var auditor = new Auditor(pipeline.Lexicons, pipeline.Recognizer, ChineseSegmenter.Shared);
        var reports = new List<AuditReport>();
        var failures = new List<AuditFailure>();
        foreach (var file in files)
        {
            try
            {
                var document = DocumentLoader.Load(file, pipeline.Options.Load);
                CommonOptions.WriteLoadWarnings(context, document);
                reports.Add(auditor.Audit(pipeline.Extract(document)));
            }
            catch (ExtractionBudgetException e)
            {
                if (!folder) throw new CliException(file, e.Reason, ExitCodes.InputFailed, e);
                failures.Add(new AuditFailure(file, e.Reason));
                context.Warn($"{file}: {e.Reason}");
            }
            catch (DocumentLoadException e) when (folder)
            {
                var line = GovTextCli.Describe(e);
                failures.Add(new AuditFailure(file, line.StartsWith(e.SourceName + ": ", StringComparison.Ordinal) ? line[(e.SourceName.Length + 2)..] : line));
                context.Warn(line);
            }
            catch (Exception e) when (folder && e is not (OutOfMemoryException or DocumentLoadException or ExtractionBudgetException))
            {
                failures.Add(new AuditFailure(file, $"internal error: {e.GetType().Name}: {e.Message}"));
                context.Warn($"{file}: internal error: {e.GetType().Name}: {e.Message}");
            }
        }

        // A symbolic link is written through to its target, a device directly, a regular file in one move.
        OutputTarget.WriteStream(outPath, stream => XlsxAuditWorkbook.Write(stream, reports, failures), files);

        WriteSummary(context.Out, reports, failures, outPath);
        return failures.Count > 0 ? ExitCodes.InputFailed : ExitCodes.Success;
    }

    /// <summary>Documents, records, flags by code and severity, and the failures.</summary>
    private static void WriteSummary(TextWriter w, IReadOnlyList<AuditReport> reports, IReadOnlyList<AuditFailure> failures, string outPath)
    {
        var inv = CultureInfo.InvariantCulture;
        var flags = reports.SelectMany(r => r.AllFlags).ToArray();
        w.WriteLine(string.Create(inv, $"audited {reports.Count} document(s), {failures.Count} failed; {reports.Sum(r => r.Records.Count)} record(s), {flags.Length} flag(s)"));
        foreach (var r in reports)
        {
            var f = r.AllFlags.ToArray();
            w.WriteLine(string.Create(inv,
                $"  {r.Document}: {r.Records.Count} record(s), {f.Length} flag(s) ({Count(f, AuditSeverity.Error)} error, {Count(f, AuditSeverity.Warning)} warning, {Count(f, AuditSeverity.Info)} info)"));
        }
        if (flags.Length > 0)
        {
            w.WriteLine("flags by code:");
            var width = flags.Max(f => f.Code.Length);
            foreach (var g in flags.GroupBy(f => f.Code).OrderByDescending(g => g.Max(f => AuditSeverity.Rank(f.Severity))).ThenBy(g => g.Key, StringComparer.Ordinal))
                w.WriteLine(string.Create(inv, $"  {g.Key.PadRight(width)}  {g.Count(),4}"));
        }
        foreach (var failure in failures)
            w.WriteLine($"failed: {failure.Path}: {failure.Problem}");
        w.WriteLine($"workbook: {outPath}");
        w.Flush();
    }

    private static int Count(AuditFlag[] flags, string severity) => flags.Count(f => f.Severity == severity);
}
