using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace GovTextExtract.Loading.Fuzzing;

using Text = DocumentFormat.OpenXml.Wordprocessing.Text;

/// <summary>A block written by <see cref="DocxWriter"/>: a paragraph (optionally a heading or a numbered item) or a
/// table.</summary>
internal abstract record DocxBlock;

/// <summary>A paragraph. <paramref name="HeadingLevel"/> 1..9 applies the built-in heading style; a numbered
/// paragraph gets a decimal list number "%1." from the document's one list.</summary>
internal sealed record DocxParagraph(string Text, int HeadingLevel = 0, bool Numbered = false) : DocxBlock;

/// <summary>A table of plain cells.</summary>
internal sealed record DocxTable(IReadOnlyList<IReadOnlyList<string>> Rows) : DocxBlock;

/// <summary>A cell of a <see cref="DocxSpannedTable"/>, with HTML's spans: it covers <paramref name="ColumnSpan"/>
/// grid columns and <paramref name="RowSpan"/> rows.</summary>
internal sealed record DocxCell(string Text, int ColumnSpan = 1, int RowSpan = 1);

/// <summary>A table with merged cells, given as HTML gives it (a row lists only the cells that start in it); written
/// with Word's <c>gridSpan</c> and <c>vMerge</c>.</summary>
internal sealed record DocxSpannedTable(IReadOnlyList<IReadOnlyList<DocxCell>> Rows) : DocxBlock;

/// <summary>Writes small Word documents with the Open XML SDK (seeds for the fuzzer, fixtures for tests).</summary>
internal static class DocxWriter
{
    /// <summary>Writes the blocks; each paragraph's text is split over runs of at most <paramref name="runLength"/>
    /// characters, as Word splits text where formatting or revision marks change.</summary>
    public static byte[] Write(IEnumerable<DocxBlock> blocks, int runLength = int.MaxValue, IEnumerable<(string Name, byte[] Bytes)>? extraEntries = null)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(Enumerable.Range(1, 3).Select(n => new Style(
                new StyleName { Val = "heading " + n },
                new StyleParagraphProperties(new OutlineLevel { Val = n - 1 }))
            {
                Type = StyleValues.Paragraph,
                StyleId = "Heading" + n,
            }));
            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new Numbering(
                new AbstractNum(new Level(
                    new StartNumberingValue { Val = 1 },
                    new NumberingFormat { Val = NumberFormatValues.Decimal },
                    new LevelText { Val = "%1." },
                    new LevelSuffix { Val = LevelSuffixValues.Nothing })
                { LevelIndex = 0 })
                { AbstractNumberId = 1 },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 });
            var body = new Body();
            foreach (var block in blocks)
            {
                switch (block)
                {
                    case DocxParagraph p:
                        body.Append(Paragraph(p, runLength));
                        break;
                    case DocxTable t:
                        var table = new Table(new TableProperties(new TableBorders(new TopBorder { Val = BorderValues.Single })));
                        foreach (var r in t.Rows)
                            table.Append(new TableRow(r.Select(c => new TableCell(Paragraph(new DocxParagraph(c), runLength)))));
                        body.Append(table);
                        break;
                    case DocxSpannedTable t:
                        body.Append(SpannedTable(t, runLength));
                        break;
                }
            }
            main.Document = new Document(body);
        }
        var entries = ReadEntries(ms.ToArray());
        // The packaging library names relationships with random ids; numbered ids make the bytes reproducible.
        for (var i = 0; i < entries.Count; i++)
        {
            if (!entries[i].Name.EndsWith(".rels", StringComparison.Ordinal)) continue;
            var n = 0;
            var xml = RandomRelationshipId.Replace(Encoding.UTF8.GetString(entries[i].Bytes), _ => $"Id=\"rId{++n}\"");
            entries[i] = (entries[i].Name, Encoding.UTF8.GetBytes(xml));
        }
        if (extraEntries is not null) entries.AddRange(extraEntries);
        return Zip(entries);
    }

    /// <summary>Every entry of a zip, in order.</summary>
    internal static List<(string Name, byte[] Bytes)> ReadEntries(byte[] zip)
    {
        var entries = new List<(string, byte[])>();
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        foreach (var e in archive.Entries)
        {
            using var s = e.Open();
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            entries.Add((e.FullName, ms.ToArray()));
        }
        return entries;
    }

    /// <summary>Zips entries with a fixed timestamp, so that the same entries always give the same bytes.</summary>
    internal static byte[] Zip(IEnumerable<(string Name, byte[] Bytes)> entries)
    {
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = FixedTime;
                using var s = entry.Open();
                s.Write(bytes);
            }
        }
        return output.ToArray();
    }

    private static readonly Regex RandomRelationshipId = new("Id=\"R[0-9a-f]{16}\"", RegexOptions.NonBacktracking, TimeSpan.FromSeconds(1));

    private static readonly DateTimeOffset FixedTime = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Lays the HTML-style cells on a grid, then writes each row: a cell that starts there (gridSpan for its
    /// width, vMerge restart when it spans rows), or an empty vMerge continue cell under one that spans down.</summary>
    private static Table SpannedTable(DocxSpannedTable t, int runLength)
    {
        var width = 0;
        var below = new Dictionary<(int Row, int Column), DocxCell>();
        var starts = new List<List<(int Column, DocxCell Cell)>>();
        for (var r = 0; r < t.Rows.Count; r++)
        {
            var column = 0;
            var row = new List<(int, DocxCell)>();
            foreach (var cell in t.Rows[r])
            {
                while (below.ContainsKey((r, column))) column++;
                row.Add((column, cell));
                for (var dr = 1; dr < cell.RowSpan; dr++) below[(r + dr, column)] = cell;
                column += cell.ColumnSpan;
            }
            width = Math.Max(width, column);
            starts.Add(row);
        }
        var table = new Table(new TableProperties(new TableBorders(new TopBorder { Val = BorderValues.Single })));
        for (var r = 0; r < t.Rows.Count; r++)
        {
            var tr = new TableRow();
            var byColumn = starts[r].ToDictionary(s => s.Column, s => s.Cell);
            for (var c = 0; c < width;)
            {
                if (byColumn.TryGetValue(c, out var cell))
                {
                    var props = new TableCellProperties();
                    if (cell.ColumnSpan > 1) props.Append(new GridSpan { Val = cell.ColumnSpan });
                    if (cell.RowSpan > 1) props.Append(new VerticalMerge { Val = MergedCellValues.Restart });
                    tr.Append(new TableCell(props, Paragraph(new DocxParagraph(cell.Text), runLength)));
                    c += cell.ColumnSpan;
                }
                else if (below.TryGetValue((r, c), out var above))
                {
                    var props = new TableCellProperties();
                    if (above.ColumnSpan > 1) props.Append(new GridSpan { Val = above.ColumnSpan });
                    props.Append(new VerticalMerge());
                    tr.Append(new TableCell(props, new Paragraph()));
                    c += above.ColumnSpan;
                }
                else
                {
                    tr.Append(new TableCell(new Paragraph()));
                    c++;
                }
            }
            table.Append(tr);
        }
        return table;
    }

    private static Paragraph Paragraph(DocxParagraph p, int runLength)
    {
        var props = new ParagraphProperties();
        if (p.HeadingLevel is >= 1 and <= 3) props.Append(new ParagraphStyleId { Val = "Heading" + p.HeadingLevel });
        if (p.Numbered) props.Append(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 }));
        var paragraph = new Paragraph(props);
        for (var i = 0; i < p.Text.Length; i += Math.Max(1, runLength))
        {
            var part = p.Text.Substring(i, Math.Min(Math.Max(1, runLength), p.Text.Length - i));
            paragraph.Append(new Run(new Text(part) { Space = SpaceProcessingModeValues.Preserve }));
        }
        return paragraph;
    }
}
