using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GovTextExtract.Output;
using Microsoft.Data.Sqlite;
using Parquet;
using Parquet.Schema;

namespace GovTextExtract.Panel;

/// <summary>The file formats of a panel.</summary>
public enum PanelFormat
{
    /// <summary>CSV (RFC 4180) in UTF-8 with a byte-order mark, invariant culture.</summary>
    Csv,
    /// <summary>An Excel workbook with one sheet, <c>panel</c>; figures are number cells.</summary>
    Xlsx,
    /// <summary>Apache Parquet (Parquet.Net): strings, int32, decimal(38, 8), booleans and doubles, nullable.</summary>
    Parquet,
    /// <summary>A SQLite database with one table, <c>panel</c> (decimals as REAL, their exact text in CSV and Parquet).</summary>
    Sqlite,
}

/// <summary>Writes panel rows, in order, to a stream in one of the <see cref="PanelFormat"/>s. Rows are streamed:
/// CSV and XLSX as they come, Parquet a row group of <see cref="RowGroupSize"/> rows at a time, SQLite in one
/// transaction of a temporary file copied to the stream at the end.</summary>
public abstract class PanelWriter : IDisposable
{
    /// <summary>Rows of one Parquet row group.</summary>
    public const int RowGroupSize = 10_000;

    /// <summary>Only the writers of this library derive from it.</summary>
    private protected PanelWriter()
    {
    }

    /// <summary>The format of a file name's extension (.csv, .xlsx, .parquet, .sqlite or .db), or null.</summary>
    public static PanelFormat? FormatOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => PanelFormat.Csv,
            ".xlsx" => PanelFormat.Xlsx,
            ".parquet" => PanelFormat.Parquet,
            ".sqlite" or ".sqlite3" or ".db" => PanelFormat.Sqlite,
            _ => null,
        };
    }

    /// <summary>A writer of the format onto a writable stream (seekable for XLSX), left open when disposed.</summary>
    public static PanelWriter Create(Stream output, PanelFormat format)
    {
        ArgumentNullException.ThrowIfNull(output);
        return format switch
        {
            PanelFormat.Csv => new CsvPanelWriter(output),
            PanelFormat.Xlsx => new XlsxPanelWriter(output),
            PanelFormat.Parquet => new ParquetPanelWriter(output),
            PanelFormat.Sqlite => new SqlitePanelWriter(output),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    }

    /// <summary>Writes one row.</summary>
    public abstract void Write(PanelRow row);

    /// <summary>Ends the file: writes what is buffered and the file's closing parts. Call once, after the last row.</summary>
    public abstract void Complete();

    /// <summary>Releases what the writer holds (not the stream).</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the writer holds.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>A value as CSV and XLSX show it: invariant culture, decimals without trailing zeros (5.5 − 5.5 is 0, as
    /// Parquet, which keeps no scale, gives it back), booleans as true/false, empty for null.</summary>
    internal static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        decimal d => d.ToString("0.############################", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}

internal sealed class CsvPanelWriter : PanelWriter
{
    private readonly StreamWriter _writer;

    public CsvPanelWriter(Stream output)
    {
        _writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        _writer.WriteLine(string.Join(',', PanelCodebook.Columns.Select(c => c.Name)));
    }

    public override void Write(PanelRow row)
    {
        var defs = PanelCodebook.Definitions;
        for (var i = 0; i < defs.Count; i++)
        {
            if (i > 0) _writer.Write(',');
            var text = Text(defs[i].Get(row));
            // Text cells are made inert for spreadsheets (=, +, -, @ first); numbers are written as they are.
            _writer.Write(RecordCsvWriter.Quote(defs[i].Info.Type == "string" ? RecordCsvWriter.Inert(text) : text));
        }
        _writer.WriteLine();
    }

    public override void Complete() => _writer.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _writer.Dispose();
    }
}

internal sealed class XlsxPanelWriter : PanelWriter
{
    private readonly SpreadsheetDocument _document;
    private readonly WorkbookPart _workbook;
    private readonly WorksheetPart _sheet;
    private readonly OpenXmlWriter _writer;
    private readonly SeekableOutput _output;
    private int _rows;
    private bool _completed;

    public XlsxPanelWriter(Stream output)
    {
        _output = new SeekableOutput(output);
        _document = SpreadsheetDocument.Create(_output.Stream, SpreadsheetDocumentType.Workbook);
        _workbook = _document.AddWorkbookPart();
        _sheet = _workbook.AddNewPart<WorksheetPart>();
        _writer = OpenXmlWriter.Create(_sheet);
        _writer.WriteStartElement(new Worksheet());
        _writer.WriteStartElement(new SheetViews());
        _writer.WriteElement(new SheetView(new Pane
        {
            VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
        }) { WorkbookViewId = 0 });
        _writer.WriteEndElement();
        _writer.WriteStartElement(new SheetData());
        _writer.WriteStartElement(new Row());
        foreach (var c in PanelCodebook.Columns) _writer.WriteElement(TextCell(c.Name));
        _writer.WriteEndElement();
    }

    public override void Write(PanelRow row)
    {
        if (++_rows > Batch.XlsxExport.MaxRows)
            throw new PanelOutputException($"more than {Batch.XlsxExport.MaxRows} rows for one sheet: write parquet, sqlite or csv instead");
        _writer.WriteStartElement(new Row());
        foreach (var d in PanelCodebook.Definitions)
        {
            var value = d.Get(row);
            var text = Text(value);
            if (text is null) _writer.WriteElement(new Cell());
            else if (d.Info.Type is "decimal" or "int32" or "double")
                _writer.WriteElement(new Cell { DataType = CellValues.Number, CellValue = new CellValue(text) });
            else if (d.Info.Type == "bool")
                _writer.WriteElement(new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(value is true ? "1" : "0") });
            else _writer.WriteElement(TextCell(text));
        }
        _writer.WriteEndElement();
    }

    public override void Complete()
    {
        if (_completed) return;
        _completed = true;
        _writer.WriteEndElement();
        _writer.WriteEndElement();
        _writer.Close();
        _workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = _workbook.GetIdOfPart(_sheet), SheetId = 1, Name = "panel" }));
        _workbook.Workbook.Save();
        _document.Dispose();
        _output.Complete();
    }

    private static Cell TextCell(string text) => new()
    {
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static string XmlSafe(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                || (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1])))
                sb.Append(c);
        }
        return sb.Length > 32767 ? sb.ToString(0, 32767) : sb.ToString();
    }

    protected override void Dispose(bool disposing)
    {
        if (!disposing || _completed) return;
        _completed = true;
        _writer.Dispose();
        _document.Dispose();
        _output.Dispose();
    }
}

internal sealed class ParquetPanelWriter : PanelWriter
{
    /// <summary>Digits after the point of a decimal column: values read from text have fewer.</summary>
    internal const int Scale = 8;

    internal static readonly ParquetSchema Schema = new(PanelCodebook.Definitions.Select(d => Field(d.Info)).ToArray());

    private readonly SeekableOutput _output;
    private readonly List<PanelRow> _buffer = [];
    private ParquetWriter? _writer;
    private bool _completed;

    public ParquetPanelWriter(Stream output) => _output = new SeekableOutput(output);

    private static Parquet.Schema.DataField Field(PanelColumn c) => c.Type switch
    {
        "string" => new Parquet.Schema.DataField<string>(c.Name, nullable: true),
        "int32" => new Parquet.Schema.DataField<int?>(c.Name),
        "decimal" => new DecimalDataField(c.Name, 38, Scale, isNullable: true),
        "bool" => new Parquet.Schema.DataField<bool?>(c.Name),
        "double" => new Parquet.Schema.DataField<double?>(c.Name),
        _ => throw new InvalidOperationException("unknown column type " + c.Type),
    };

    public override void Write(PanelRow row)
    {
        _buffer.Add(row);
        if (_buffer.Count >= RowGroupSize) Flush();
    }

    private void Flush()
    {
        _writer ??= ParquetWriter.CreateAsync(Schema, _output.Stream).GetAwaiter().GetResult();
        if (_buffer.Count == 0) return;
        using (var group = _writer.CreateRowGroup())
        {
            var fields = Schema.GetDataFields();
            var defs = PanelCodebook.Definitions;
            for (var i = 0; i < defs.Count; i++)
            {
                var d = defs[i];
                var values = _buffer.Select(d.Get).ToArray();
                switch (d.Info.Type)
                {
                    case "string":
                        group.WriteAsync(fields[i], values.Select(v => (string?)v).ToArray()!).GetAwaiter().GetResult();
                        break;
                    case "int32":
                        group.WriteAsync<int>(fields[i], new ReadOnlyMemory<int?>(values.Select(v => (int?)v).ToArray())).GetAwaiter().GetResult();
                        break;
                    case "decimal":
                        group.WriteAsync<decimal>(fields[i], new ReadOnlyMemory<decimal?>(values
                            .Select(v => v is decimal m ? Math.Round(m, Scale, MidpointRounding.AwayFromZero) : (decimal?)null).ToArray())).GetAwaiter().GetResult();
                        break;
                    case "bool":
                        group.WriteAsync<bool>(fields[i], new ReadOnlyMemory<bool?>(values.Select(v => (bool?)v).ToArray())).GetAwaiter().GetResult();
                        break;
                    case "double":
                        group.WriteAsync<double>(fields[i], new ReadOnlyMemory<double?>(values.Select(v => (double?)v).ToArray())).GetAwaiter().GetResult();
                        break;
                }
            }
        }
        _buffer.Clear();
    }

    public override void Complete()
    {
        if (_completed) return;
        _completed = true;
        Flush();
        _writer!.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _writer = null;
        _output.Complete();
    }

    protected override void Dispose(bool disposing)
    {
        if (!disposing) return;
        if (_writer is not null) _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _writer = null;
        _output.Dispose();
    }
}

internal sealed class SqlitePanelWriter : PanelWriter
{
    private readonly Stream _output;
    private readonly string _path;
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly SqliteCommand _insert;
    private bool _completed;

    public SqlitePanelWriter(Stream output)
    {
        _output = output;
        _path = Path.Combine(Path.GetTempPath(), $"govtext-panel-{Guid.NewGuid():N}.sqlite");
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString());
        _connection.Open();
        var columns = PanelCodebook.Columns;
        using (var create = _connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE panel (" + string.Join(", ", columns.Select(c => $"{c.Name} {SqlType(c.Type)}")) + ")";
            create.ExecuteNonQuery();
        }
        _transaction = _connection.BeginTransaction();
        _insert = _connection.CreateCommand();
        _insert.Transaction = _transaction;
        _insert.CommandText = "INSERT INTO panel VALUES (" + string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture))) + ")";
        for (var i = 0; i < columns.Count; i++) _insert.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null));
    }

    private static string SqlType(string type) => type switch
    {
        "int32" or "bool" => "INTEGER",
        "decimal" or "double" => "REAL",
        _ => "TEXT",
    };

    public override void Write(PanelRow row)
    {
        var defs = PanelCodebook.Definitions;
        for (var i = 0; i < defs.Count; i++)
        {
            _insert.Parameters[i].Value = defs[i].Get(row) switch
            {
                null => DBNull.Value,
                decimal d => (double)d,
                bool b => b ? 1 : 0,
                var v => v,
            };
        }
        _insert.ExecuteNonQuery();
    }

    public override void Complete()
    {
        if (_completed) return;
        _completed = true;
        using (var index = _connection.CreateCommand())
        {
            index.Transaction = _transaction;
            index.CommandText = "CREATE INDEX panel_place_year ON panel (place, year, indicator_id)";
            index.ExecuteNonQuery();
        }
        _transaction.Commit();
        _insert.Dispose();
        _connection.Close();
        _connection.Dispose();
        using (var file = File.OpenRead(_path)) file.CopyTo(_output);
        _output.Flush();
        TryDelete();
    }

    private void TryDelete()
    {
        try
        {
            File.Delete(_path);
        }
        catch (IOException)
        {
            // A temporary file left behind is better than a lost panel.
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (!disposing || _completed) return;
        _completed = true;
        _insert.Dispose();
        _transaction.Dispose();
        _connection.Dispose();
        TryDelete();
    }
}

/// <summary>A panel that a format cannot hold (more rows than an Excel sheet).</summary>
public sealed class PanelOutputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PanelOutputException(string message)
        : base(message)
    {
    }
}

/// <summary>The output stream when it can seek (a file); else a temporary file copied to it at the end (a pipe):
/// Parquet and XLSX writers seek back.</summary>
internal sealed class SeekableOutput : IDisposable
{
    private readonly Stream _target;
    private readonly string? _spool;

    public SeekableOutput(Stream target)
    {
        _target = target;
        if (target.CanSeek)
        {
            Stream = target;
            return;
        }
        _spool = Path.Combine(Path.GetTempPath(), $"govtext-panel-{Guid.NewGuid():N}.tmp");
        Stream = new FileStream(_spool, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
    }

    public Stream Stream { get; }

    /// <summary>Copies a spooled file to the output.</summary>
    public void Complete()
    {
        if (_spool is null)
        {
            _target.Flush();
            return;
        }
        Stream.Flush();
        Stream.Position = 0;
        Stream.CopyTo(_target);
        _target.Flush();
        Stream.Dispose();
    }

    public void Dispose()
    {
        if (_spool is not null) Stream.Dispose();
    }
}
