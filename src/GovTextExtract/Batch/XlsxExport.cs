using System.Globalization;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GovTextExtract.Output;
using GovTextExtract.Records;

namespace GovTextExtract.Batch;

/// <summary>Writes the documents of a batch store as an Excel workbook (.xlsx): a <b>Records</b> sheet with the
/// columns of <see cref="RecordCsvWriter"/> after a <c>document</c> column, and a <b>Documents</b> sheet with one row
/// per document (path, size, sha256, format, encoding, status, failure, error, record_count).</summary>
/// <remarks>Rows are streamed into the workbook as the store is read, so memory does not grow with the store. Figures
/// (values, rates, offsets, confidence) are number cells; everything else is text. A sheet holds at most 1,048,575
/// rows below its header (Excel's limit); a larger store is refused with a <see cref="BatchStoreException"/>: use
/// SQLite, JSON Lines or CSV for it.</remarks>
public static class XlsxExport
{
    /// <summary>The most data rows a sheet can hold below its header.</summary>
    public const int MaxRows = 1_048_575;

    private const int MaxCellText = 32767;

    private static readonly string[] DocumentColumns =
        ["path", "size", "sha256", "format", "encoding", "status", "failure", "error", "record_count"];

    private static readonly HashSet<string> NumberColumns =
    [
        "target_value", "target_low", "target_high", "actual_value", "reported_rate", "computed_rate", "confidence",
        "target_start", "target_length", "actual_start", "actual_length", "rate_start", "rate_length",
    ];

    /// <summary>Writes the workbook to a writable, seekable stream.</summary>
    /// <exception cref="BatchStoreException">A stored record is not valid, or a sheet would exceed Excel's rows.</exception>
    public static void Write(BatchStore store, Stream output)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(output);
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var records = workbook.AddNewPart<WorksheetPart>();
        var documents = workbook.AddNewPart<WorksheetPart>();

        var recordColumns = RecordCsvWriter.RecordColumns.Prepend("document").ToArray();
        var numeric = recordColumns.Select(NumberColumns.Contains).ToArray();
        WriteSheet(records, store.Path, recordColumns, RecordRows(store, recordColumns.Length - 1).Select(row => (row, numeric)));
        bool[] documentNumeric = [false, true, false, false, false, false, false, false, true];
        WriteSheet(documents, store.Path, DocumentColumns, store.ReadDocuments().Select(d => (new string?[]
        {
            d.Key, d.Size.ToString(CultureInfo.InvariantCulture), d.Sha256, d.Format, d.Encoding,
            BatchStore.StatusName(d.Status), d.Failure, d.Error, d.RecordJson.Count.ToString(CultureInfo.InvariantCulture),
        }, documentNumeric)));

        workbook.Workbook = new Workbook(new Sheets(
            new Sheet { Id = workbook.GetIdOfPart(records), SheetId = 1, Name = "Records" },
            new Sheet { Id = workbook.GetIdOfPart(documents), SheetId = 2, Name = "Documents" }));
        workbook.Workbook.Save();
    }

    /// <summary>The CSV fields of every record, its document's key first.</summary>
    private static IEnumerable<string?[]> RecordRows(BatchStore store, int recordColumns)
    {
        using var buffer = new StringWriter(CultureInfo.InvariantCulture);
        // Cells are written as typed values, never as formulas, so no ' is needed (it would show).
        var csv = new RecordCsvWriter(buffer, "document") { NeutralizeFormulas = false };
        csv.WriteHeader();
        foreach (var doc in store.ReadDocuments())
        {
            foreach (var json in doc.RecordJson)
            {
                CompletionRecord record;
                try
                {
                    record = JsonSerializer.Deserialize<CompletionRecord>(json, RecordJson.Compact) ?? throw new JsonException("null record");
                }
                catch (JsonException e)
                {
                    throw new BatchStoreException(store.Path, $"the stored record of {doc.Key} is not valid record JSON: {e.Message}", e);
                }
                // The CSV writer formats every field as the CSV output does; its quoting is undone here.
                buffer.GetStringBuilder().Clear();
                csv.Write(record, doc.Key);
                var fields = SplitCsvRow(buffer.ToString());
                if (fields.Length != recordColumns + 1)
                    throw new BatchStoreException(store.Path, $"a record of {doc.Key} did not give {recordColumns + 1} fields");
                yield return fields;
            }
        }
    }

    private static void WriteSheet(WorksheetPart part, string store, IReadOnlyList<string> header,
        IEnumerable<(string?[] Cells, bool[] Numeric)> rows)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new SheetViews());
        writer.WriteElement(new SheetView(new Pane
        {
            VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
        }) { WorkbookViewId = 0 });
        writer.WriteEndElement();
        writer.WriteStartElement(new SheetData());
        writer.WriteStartElement(new Row());
        foreach (var name in header)
            writer.WriteElement(TextCell(name));
        writer.WriteEndElement();
        var count = 0;
        foreach (var (cells, numeric) in rows)
        {
            if (++count > MaxRows)
                throw new BatchStoreException(store, $"more than {MaxRows} rows for one sheet: write sqlite, jsonl or csv instead");
            writer.WriteStartElement(new Row());
            for (var i = 0; i < cells.Length; i++)
            {
                var value = cells[i];
                if (string.IsNullOrEmpty(value))
                    writer.WriteElement(new Cell());
                else if (numeric[i])
                    writer.WriteElement(new Cell { DataType = CellValues.Number, CellValue = new CellValue(value) });
                else
                    writer.WriteElement(TextCell(value));
            }
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static Cell TextCell(string text) => new()
    {
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }),
    };

    /// <summary>The text without the characters XML 1.0 cannot hold, cut to Excel's 32,767 characters per cell.</summary>
    private static string XmlSafe(string text)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var ok = c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                     || (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                     || (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1]));
            if (!ok)
                sb ??= new StringBuilder(text, 0, i, text.Length);
            else
                sb?.Append(c);
        }
        var safe = sb?.ToString() ?? text;
        return safe.Length > MaxCellText ? safe[..MaxCellText] : safe;
    }

    /// <summary>Splits one RFC 4180 row (as <see cref="RecordCsvWriter"/> writes it, ending in CRLF) into fields; an
    /// empty field is null.</summary>
    internal static string?[] SplitCsvRow(string row)
    {
        var fields = new List<string?>();
        var field = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        for (var i = 0; i < row.Length; i++)
        {
            var c = row[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < row.Length && row[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                    quoted = false;
                else
                    field.Append(c);
            }
            else if (c == '"')
            {
                quoted = wasQuoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.Length == 0 && !wasQuoted ? null : field.ToString());
                field.Clear();
                wasQuoted = false;
            }
            else if (c is '\r' or '\n')
            {
                break;
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.Length == 0 && !wasQuoted ? null : field.ToString());
        return [.. fields];
    }
}
