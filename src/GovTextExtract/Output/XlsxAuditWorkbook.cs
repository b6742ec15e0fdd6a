using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GovTextExtract.Audit;
using GovTextExtract.Records;
using GovTextExtract.Text;

namespace GovTextExtract.Output;

/// <summary>A document that could not be audited, for the workbook's Failures sheet.</summary>
/// <param name="Path">The file.</param>
/// <param name="Problem">What went wrong (e.g. "empty: the document holds no text").</param>
public sealed record AuditFailure(string Path, string Problem);

/// <summary>Writes audit reports as an Excel workbook (.xlsx, Office Open XML):
/// <list type="bullet">
/// <item><b>Records</b>: one row per record: document, indicator, target and actual (text and value), numerator and
/// denominator of the computed rate, stated and computed rate, status, flags with their explanations, and the evidence
/// sentence (the sentence of the source holding the actual, else the target). A flagged row is filled by its worst
/// severity: red for error, yellow for warning, blue for info.</item>
/// <item><b>Flags</b>: one row per flag, with its explanation in Chinese and English and its evidence offsets and text.</item>
/// <item><b>Summary</b>: one row per document: records by status, flags by severity and by code; a total row.</item>
/// <item><b>Failures</b> (only when some document failed): the file and the problem.</item>
/// </list>
/// Every sheet has a frozen header row; Records and Flags have an autofilter.</summary>
/// <example><code>
/// var report = Auditor.Default.Audit(GovText.ExtractFile("circular.txt"));
/// XlsxAuditWorkbook.Save("audit.xlsx", [report]);
/// </code></example>
public static class XlsxAuditWorkbook
{
    /// <summary>The column headers of the Records sheet.</summary>
    public static IReadOnlyList<string> RecordColumns { get; } =
    [
        "文件 document", "指标 indicator", "目标原文 target text", "目标值 target value", "目标单位 target unit", "目标界限 bound",
        "实际原文 actual text", "实际值 actual value", "实际单位 actual unit", "分子 numerator", "分母 denominator",
        "文中完成率 stated rate %", "计算完成率 computed rate %", "状态 status", "最高级别 worst severity", "标记 flags",
        "标记说明 flag notes (中文)", "flag notes (English)", "证据句 evidence sentence", "置信度 confidence",
        "目标位置 target offset", "实际位置 actual offset",
    ];

    /// <summary>The column headers of the Flags sheet.</summary>
    public static IReadOnlyList<string> FlagColumns { get; } =
    [
        "文件 document", "指标 indicator", "代码 code", "级别 severity", "说明 message (中文)", "message (English)",
        "证据位置 evidence offsets", "证据原文 evidence text",
    ];

    private static readonly CompletionStatus[] Statuses =
        [CompletionStatus.Exceeded, CompletionStatus.Met, CompletionStatus.NotMet, CompletionStatus.Pending, CompletionStatus.Unknown];

    private static readonly string[] CodeOrder =
    [
        AuditCodes.ClaimContradiction, AuditCodes.RateMismatch, AuditCodes.UnitSuspect, AuditCodes.PartsSum,
        AuditCodes.NotReported, AuditCodes.ClaimUnverified, AuditCodes.Estimate, AuditCodes.PartialPeriod, AuditCodes.DerivedTarget,
    ];

    /// <summary>Longest text a cell holds (Excel's limit).</summary>
    private const int MaxCellText = 32767;

    private const uint StyleHeader = 1;

    /// <summary>Writes the workbook to a file atomically: to a hidden temporary file beside it, then moved over it in
    /// one step, so that a reader never sees half a workbook and a failure leaves any old file as it was. A symbolic
    /// link is written through: its final target is replaced and the link stays. A FIFO or device is written to
    /// directly, never replaced.</summary>
    /// <exception cref="IOException">The file cannot be written (folder missing, disk full, file locked).</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or file may not be written.</exception>
    public static void Save(string path, IReadOnlyList<AuditReport> reports, IReadOnlyList<AuditFailure>? failures = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(reports);
        if (Loading.FileTypes.IsSpecial(Loading.FileTypes.Of(path)))
        {
            using var device = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            Write(device, reports, failures);
            device.Flush();
            return;
        }
        var full = Loading.FileTypes.ResolvedPath(path);
        var dir = Path.GetDirectoryName(full) ?? ".";
        if (!Directory.Exists(dir))
            throw new DirectoryNotFoundException($"{path}: cannot write: folder {dir} does not exist");
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                Write(stream, reports, failures);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            try
            {
                File.Delete(temp);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Leaving a hidden, uniquely named temp file is better than hiding the real error.
            }
            throw;
        }
    }

    /// <summary>Writes the workbook to a stream (which must be writable and seekable, e.g. a file or memory stream).</summary>
    public static void Write(Stream stream, IReadOnlyList<AuditReport> reports, IReadOnlyList<AuditFailure>? failures = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(reports);
        failures ??= [];
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = CreateStylesheet();

        var sheets = new List<(string Name, WorksheetPart Part, int Columns, int Rows, bool Filter)>();
        sheets.Add(AddSheet(workbookPart, "Records", RecordColumns, RecordRows(reports), [14, 24, 18, 14, 8, 9, 18, 14, 8, 14, 14, 10, 10, 10, 9, 24, 50, 50, 60, 8, 9, 9], filter: true));
        sheets.Add(AddSheet(workbookPart, "Flags", FlagColumns, FlagRows(reports), [14, 24, 18, 9, 60, 60, 24, 50], filter: true));
        var (summaryHeader, summaryRows) = SummaryRows(reports);
        sheets.Add(AddSheet(workbookPart, "Summary", summaryHeader, summaryRows, [24, .. Enumerable.Repeat(12.0, summaryHeader.Count - 1)], filter: false));
        if (failures.Count > 0)
            sheets.Add(AddSheet(workbookPart, "Failures", ["文件 file", "问题 problem"],
                failures.Select(f => new Row0([Text(f.Path), Text(f.Problem)], null)), [40, 80], filter: false));

        var sheetList = new Sheets();
        var definedNames = new DefinedNames();
        for (var i = 0; i < sheets.Count; i++)
        {
            var (name, part, columns, rows, filter) = sheets[i];
            sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = (uint)(i + 1), Name = name });
            if (filter)
            {
                definedNames.Append(new DefinedName($"'{name}'!$A$1:${ColumnName(columns - 1)}${Math.Max(1, rows + 1)}")
                {
                    Name = "_xlnm._FilterDatabase",
                    LocalSheetId = (uint)i,
                    Hidden = true,
                });
            }
        }
        workbookPart.Workbook.Append(sheetList);
        if (definedNames.HasChildren) workbookPart.Workbook.Append(definedNames);
        workbookPart.Workbook.Save();
    }

    // ------------------------------------------------------------------ rows

    /// <summary>A row's cells and the severity that fills it (null: no fill).</summary>
    private sealed record Row0(IReadOnlyList<CellData> Cells, string? Severity);

    private readonly record struct CellData(string? Text, decimal? Number);

    private static CellData Text(string? s) => new(s, null);

    private static CellData Number(decimal? d) => new(null, d);

    private static CellData Count(int n) => new(null, n);

    private static CellData Number(double d) => new(null, (decimal)d);

    private static IEnumerable<Row0> RecordRows(IReadOnlyList<AuditReport> reports)
    {
        foreach (var report in reports)
        {
            foreach (var r in report.Records)
            {
                var hasRate = r.ComputedRate is not null;
                var worst = AuditSeverity.Worst(r.Flags);
                yield return new Row0(
                [
                    Text(report.Document), Text(r.Indicator),
                    Text(r.Target?.Text), Number(r.Target?.Value), Text(r.Target?.Unit), Text(r.Target is { } t ? Snake(t.Bound.ToString()) : null),
                    Text(r.Actual?.Text), Number(r.Actual?.Value), Text(r.Actual?.Unit),
                    Number(hasRate ? r.Actual?.Value : null), Number(hasRate ? r.Target?.Value : null),
                    Number(r.ReportedRate), Number(r.ComputedRate), Text(Snake(r.Status.ToString())), Text(worst),
                    Text(string.Join("; ", r.Flags.Select(f => f.Code))),
                    Text(string.Join("\n", r.Flags.Select(f => $"[{f.Code}] {f.MessageZh ?? f.Message}"))),
                    Text(string.Join("\n", r.Flags.Select(f => $"[{f.Code}] {f.Message}"))),
                    Text(EvidenceSentence(report.SourceText, r.Evidence.Actual ?? r.Evidence.Target ?? r.Evidence.Rate)),
                    Number(r.Confidence),
                    Number(r.Evidence.Target?.Start), Number(r.Evidence.Actual?.Start),
                ], worst);
            }
        }
    }

    private static IEnumerable<Row0> FlagRows(IReadOnlyList<AuditReport> reports)
    {
        foreach (var report in reports)
        {
            var flagged = report.Records.SelectMany(r => r.Flags.Select(f => (Indicator: (string?)r.Indicator, Flag: f)))
                .Concat(report.DocumentFlags.Select(f => (Indicator: (string?)null, Flag: f)));
            foreach (var (indicator, f) in flagged)
            {
                yield return new Row0(
                [
                    Text(report.Document), Text(indicator), Text(f.Code), Text(f.Severity), Text(f.MessageZh), Text(f.Message),
                    Text(string.Join("; ", f.Evidence.Select(s => $"{s.Start}+{s.Length}"))),
                    Text(string.Join(" | ", f.Evidence.Select(s => Slice(report.SourceText, s)))),
                ], f.Severity);
            }
        }
    }

    private static (IReadOnlyList<string> Header, IEnumerable<Row0> Rows) SummaryRows(IReadOnlyList<AuditReport> reports)
    {
        var codes = CodeOrder
            .Concat(reports.SelectMany(r => r.AllFlags).Select(f => f.Code).Where(c => !CodeOrder.Contains(c)).Distinct().Order(StringComparer.Ordinal))
            .ToArray();
        var header = new List<string> { "文件 document", "记录 records" };
        header.AddRange(Statuses.Select(s => "状态 " + Snake(s.ToString())));
        header.AddRange(["有标记记录 flagged records", "error", "warning", "info"]);
        header.AddRange(codes);
        IEnumerable<Row0> Rows()
        {
            foreach (var report in reports)
                yield return SummaryRow(report.Document, [report], codes);
            if (reports.Count > 1)
                yield return SummaryRow("合计 total", reports, codes);
        }
        return (header, Rows());
    }

    private static Row0 SummaryRow(string name, IReadOnlyList<AuditReport> reports, string[] codes)
    {
        var records = reports.SelectMany(r => r.Records).ToArray();
        var flags = reports.SelectMany(r => r.AllFlags).ToArray();
        var cells = new List<CellData> { Text(name), Count(records.Length) };
        cells.AddRange(Statuses.Select(s => Count(records.Count(r => r.Status == s))));
        cells.Add(Count(records.Count(r => r.Flags.Count > 0)));
        cells.AddRange(new[] { AuditSeverity.Error, AuditSeverity.Warning, AuditSeverity.Info }.Select(sev => Count(flags.Count(f => f.Severity == sev))));
        cells.AddRange(codes.Select(c => Count(flags.Count(f => f.Code == c))));
        return new Row0(cells, null);
    }

    /// <summary>The sentence of <paramref name="text"/> holding <paramref name="span"/>, trimmed.</summary>
    public static string? EvidenceSentence(string text, SourceSpan? span)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (span is not { } s || s.Start < 0 || s.Start > text.Length) return null;
        static bool IsBreak(char c) => c is '。' or ';' or '；' or '!' or '！' or '?' or '？' or '\n' or '\r';
        var start = s.Start;
        while (start > 0 && !IsBreak(text[start - 1])) start--;
        var end = Math.Min(text.Length, Math.Max(s.End, s.Start));
        while (end < text.Length && !IsBreak(text[end])) end++;
        if (end < text.Length && text[end] is '。' or ';' or '；' or '!' or '！' or '?' or '？') end++;
        var sentence = text[start..end].Trim();
        return sentence.Length > 1000 ? sentence[..1000] + "…" : sentence;
    }

    private static string Slice(string text, SourceSpan s) =>
        s.Start >= 0 && s.End <= text.Length ? text.Substring(s.Start, s.Length) : "";

    private static string Snake(string pascal)
    {
        var sb = new StringBuilder();
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && sb.Length > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    // ------------------------------------------------------------------ sheets

    private static (string, WorksheetPart, int, int, bool) AddSheet(WorkbookPart workbookPart, string name, IReadOnlyList<string> header,
        IEnumerable<Row0> rows, IReadOnlyList<double> widths, bool filter)
    {
        var part = workbookPart.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        data.Append(MakeRow(1, header.Select(Text).ToArray(), StyleHeader));
        uint index = 1;
        foreach (var row in rows)
        {
            index++;
            data.Append(MakeRow(index, row.Cells, StyleOf(row.Severity)));
        }
        var lastColumn = ColumnName(header.Count - 1);
        var columns = new Columns();
        for (var i = 0; i < header.Count; i++)
        {
            var width = i < widths.Count ? widths[i] : 12;
            columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = width, CustomWidth = true });
        }
        var worksheet = new Worksheet(
            new SheetDimension { Reference = $"A1:{lastColumn}{index}" },
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            {
                TabSelected = workbookPart.WorksheetParts.Count() == 1,
                WorkbookViewId = 0,
            }),
            new SheetFormatProperties { DefaultRowHeight = 15 },
            columns,
            data);
        if (filter)
            worksheet.Append(new AutoFilter { Reference = $"A1:{lastColumn}{index}" });
        part.Worksheet = worksheet;
        part.Worksheet.Save();
        return (name, part, header.Count, (int)index - 1, filter);
    }

    private static Row MakeRow(uint index, IReadOnlyList<CellData> cells, uint style)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < cells.Count; i++)
        {
            var reference = ColumnName(i) + index.ToString(CultureInfo.InvariantCulture);
            var c = cells[i];
            Cell cell;
            if (c.Number is { } n)
            {
                cell = new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(n.ToString(CultureInfo.InvariantCulture)) };
            }
            else if (!string.IsNullOrEmpty(c.Text))
            {
                var text = Clean(c.Text);
                cell = new Cell
                {
                    CellReference = reference,
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text)
                    {
                        Space = text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) ? SpaceProcessingModeValues.Preserve : null,
                    }),
                };
            }
            else
            {
                if (style == 0) continue;
                cell = new Cell { CellReference = reference };
            }
            if (style != 0) cell.StyleIndex = style;
            row.Append(cell);
        }
        return row;
    }

    /// <summary>Text as a cell may hold it: no characters XML forbids, no lone surrogates, at most 32767 characters.</summary>
    private static string Clean(string s)
    {
        var sb = new StringBuilder(Math.Min(s.Length, MaxCellText));
        for (var i = 0; i < s.Length && sb.Length < MaxCellText; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                if (sb.Length + 2 > MaxCellText) break;
                sb.Append(c).Append(s[i + 1]);
                i++;
                continue;
            }
            if (char.IsSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') continue;
            if (c < 0x20 && c is not ('\t' or '\n' or '\r')) continue;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>The column letters of a zero-based column index (0 → A, 26 → AA).</summary>
    public static string ColumnName(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var name = "";
        index++;
        while (index > 0)
        {
            var m = (index - 1) % 26;
            name = (char)('A' + m) + name;
            index = (index - 1) / 26;
        }
        return name;
    }

    // ------------------------------------------------------------------ styles

    /// <summary>The fill colour (ARGB) of a row whose worst flag has this severity.</summary>
    public static string? FillOf(string? severity) => severity switch
    {
        AuditSeverity.Error => "FFFFC7CE",
        AuditSeverity.Warning => "FFFFEB9C",
        AuditSeverity.Info => "FFDDEBF7",
        _ => null,
    };

    private static uint StyleOf(string? severity) => severity switch
    {
        AuditSeverity.Error => 4,
        AuditSeverity.Warning => 3,
        AuditSeverity.Info => 2,
        _ => 0,
    };

    private static Stylesheet CreateStylesheet()
    {
        static Fill Solid(string argb) => new(new PatternFill(
            new ForegroundColor { Rgb = argb },
            new BackgroundColor { Indexed = 64 })
        { PatternType = PatternValues.Solid });

        var fonts = new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }));
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("FFD9D9D9"),
            Solid(FillOf(AuditSeverity.Info)!),
            Solid(FillOf(AuditSeverity.Warning)!),
            Solid(FillOf(AuditSeverity.Error)!));
        var borders = new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()));
        var cellStyleFormats = new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 });
        var cellFormats = new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyFill = true },
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 3, BorderId = 0, FormatId = 0, ApplyFill = true },
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 4, BorderId = 0, FormatId = 0, ApplyFill = true },
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 5, BorderId = 0, FormatId = 0, ApplyFill = true });
        var cellStyles = new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 });
        return new Stylesheet(fonts, fills, borders, cellStyleFormats, cellFormats, cellStyles);
    }
}
