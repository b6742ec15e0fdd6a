using System.Globalization;
using System.Text;
using Parquet;

namespace GovTextExtract.Panel;

/// <summary>A panel file that cannot be read back: not a panel, or damaged.</summary>
public sealed class PanelFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PanelFileException(string path, string problem, Exception? inner = null)
        : base($"{path}: {problem}", inner)
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; }
}

/// <summary>Reads panel files back (CSV and Parquet, as <see cref="PanelWriter"/> writes them) and merges the
/// shards of one archive (<c>govtext panel --shard i/n</c>) into the panel one run gives.</summary>
public static class PanelMerge
{
    /// <summary>The rows of a CSV or Parquet panel file, in file order.</summary>
    /// <exception cref="PanelFileException">The file is missing, of another format, or not a panel.</exception>
    public static IEnumerable<PanelRow> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new PanelFileException(path, "file not found");
        return PanelWriter.FormatOf(path) switch
        {
            PanelFormat.Csv => ReadCsv(path),
            PanelFormat.Parquet => ReadParquet(path),
            _ => throw new PanelFileException(path, "only CSV and Parquet panels can be read back (give .csv or .parquet files)"),
        };
    }

    /// <summary>The rows of several panels (the shards of one archive), merged in panel order: place (ordinal), year,
    /// item. Each input must be in that order, as <see cref="ResearchPanel"/> writes it; a place found in two inputs
    /// is an error (shards never share a place).</summary>
    /// <exception cref="PanelFileException">An input cannot be read, is out of order, or shares a place with another.</exception>
    public static IEnumerable<PanelRow> Merge(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var readers = paths.Select(p => (Path: p, Rows: Read(p).GetEnumerator())).ToArray();
        try
        {
            var queue = new PriorityQueue<int, PanelRow>(Comparer<PanelRow>.Create(Compare));
            var last = new PanelRow?[readers.Length];
            var owner = new Dictionary<string, int>(StringComparer.Ordinal);
            void Advance(int i)
            {
                if (!readers[i].Rows.MoveNext()) return;
                var row = readers[i].Rows.Current;
                if (last[i] is { } before && Compare(before, row) > 0)
                    throw new PanelFileException(readers[i].Path, $"rows out of panel order at {row.Place} {row.Year}: was it written by govtext panel?");
                if (owner.TryGetValue(row.Place, out var o) && o != i)
                    throw new PanelFileException(readers[i].Path, $"the place {row.Place} is also in {readers[o].Path}: shards of one archive never share a place");
                owner[row.Place] = i;
                last[i] = row;
                queue.Enqueue(i, row);
            }
            for (var i = 0; i < readers.Length; i++) Advance(i);
            while (queue.TryDequeue(out var i, out var row))
            {
                yield return row;
                Advance(i);
            }
        }
        finally
        {
            foreach (var r in readers) r.Rows.Dispose();
        }
    }

    /// <summary>The panel order: place (ordinal), year, item.</summary>
    internal static int Compare(PanelRow a, PanelRow b)
    {
        var c = string.CompareOrdinal(a.Place, b.Place);
        if (c != 0) return c;
        c = a.Year.CompareTo(b.Year);
        return c != 0 ? c : a.Item.CompareTo(b.Item);
    }

    private static PanelRow Empty() => new() { Place = "", Year = 0, Item = 0, IndicatorRaw = "", Status = "unknown", TargetDocument = "" };

    private static IEnumerable<PanelRow> ReadCsv(string path)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        var header = ReadRecord(reader) ?? throw new PanelFileException(path, "empty file");
        var defs = PanelCodebook.Definitions;
        var index = defs.Select(d => Array.IndexOf(header, d.Info.Name)).ToArray();
        var missing = defs.Where((d, i) => index[i] < 0).Select(d => d.Info.Name).ToArray();
        if (missing.Length > 0) throw new PanelFileException(path, "not a panel: no column " + string.Join(", ", missing));
        var line = 1;
        while (ReadRecord(reader) is { } fields)
        {
            line++;
            if (fields.Length != header.Length)
                throw new PanelFileException(path, $"record {line} has {fields.Length} fields, the header {header.Length}");
            var row = Empty();
            for (var i = 0; i < defs.Count; i++)
            {
                var text = fields[index[i]];
                object? value;
                try
                {
                    value = Parse(defs[i].Info.Type, text);
                }
                catch (FormatException e)
                {
                    throw new PanelFileException(path, $"record {line}, column {defs[i].Info.Name}: '{text}' is not a {defs[i].Info.Type}", e);
                }
                row = defs[i].Set(row, value);
            }
            yield return row;
        }
    }

    private static object? Parse(string type, string text)
    {
        if (text.Length == 0) return null;
        var c = CultureInfo.InvariantCulture;
        return type switch
        {
            "int32" => int.Parse(text, NumberStyles.AllowLeadingSign, c),
            "decimal" => decimal.Parse(text, NumberStyles.Number | NumberStyles.AllowExponent, c),
            "double" => double.Parse(text, NumberStyles.Float, c),
            "bool" => text switch { "true" => true, "false" => false, _ => throw new FormatException(text) },
            // The writer put ' before a cell a spreadsheet would read as a formula.
            _ => text.Length > 1 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? text[1..] : text,
        };
    }

    /// <summary>One RFC 4180 record, or null at the end.</summary>
    private static string[]? ReadRecord(TextReader reader)
    {
        if (reader.Peek() < 0) return null;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        while (true)
        {
            var ch = reader.Read();
            if (ch < 0)
            {
                fields.Add(field.ToString());
                return fields.ToArray();
            }
            var c = (char)ch;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else quoted = false;
                }
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    if (reader.Peek() == '\n') reader.Read();
                    fields.Add(field.ToString());
                    return fields.ToArray();
                case '\n':
                    fields.Add(field.ToString());
                    return fields.ToArray();
                default:
                    field.Append(c);
                    break;
            }
        }
    }

    private static IEnumerable<PanelRow> ReadParquet(string path)
    {
        var rows = new List<PanelRow>();
        try
        {
            using var stream = File.OpenRead(path);
            var reader = ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
            using var disposeReader = new AsyncDisposer(reader);
            var defs = PanelCodebook.Definitions;
            var fields = reader.Schema.GetDataFields();
            var byName = defs.Select(d => fields.FirstOrDefault(f => f.Name == d.Info.Name)
                ?? throw new PanelFileException(path, "not a panel: no column " + d.Info.Name)).ToArray();
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var n = (int)group.RowCount;
                var columns = new object?[defs.Count][];
                for (var i = 0; i < defs.Count; i++)
                {
                    columns[i] = defs[i].Info.Type switch
                    {
                        "string" => ReadStrings(group, byName[i], n),
                        "int32" => Box(ReadNullable<int>(group, byName[i], n)),
                        "decimal" => Box(ReadNullable<decimal>(group, byName[i], n)),
                        "bool" => Box(ReadNullable<bool>(group, byName[i], n)),
                        _ => Box(ReadNullable<double>(group, byName[i], n)),
                    };
                }
                for (var r = 0; r < n; r++)
                {
                    var row = Empty();
                    for (var i = 0; i < defs.Count; i++) row = defs[i].Set(row, columns[i][r]);
                    rows.Add(row);
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            throw new PanelFileException(path, "not a readable Parquet panel: " + e.Message, e);
        }
        return rows;
    }

    private static object?[] ReadStrings(ParquetRowGroupReader group, Parquet.Schema.DataField field, int n)
    {
        var values = new string?[n];
        group.ReadAsync(field, values.AsMemory()).GetAwaiter().GetResult();
        return values.Cast<object?>().ToArray();
    }

    private static T?[] ReadNullable<T>(ParquetRowGroupReader group, Parquet.Schema.DataField field, int n) where T : struct
    {
        var values = new T?[n];
        group.ReadAsync<T>(field, values.AsMemory()).GetAwaiter().GetResult();
        return values;
    }

    private static object?[] Box<T>(T?[] values) where T : struct => values.Select(v => v.HasValue ? (object?)v.Value : null).ToArray();
}

/// <summary>Disposes an asynchronously disposable object at the end of a synchronous block.</summary>
internal sealed class AsyncDisposer(IAsyncDisposable target) : IDisposable
{
    public void Dispose() => target.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
