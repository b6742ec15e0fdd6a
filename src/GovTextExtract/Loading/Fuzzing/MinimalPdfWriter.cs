using System.Globalization;
using System.Text;

namespace GovTextExtract.Loading.Fuzzing;

/// <summary>A line of text placed on a PDF page by <see cref="MinimalPdfWriter"/>.</summary>
/// <param name="X">Left edge of the first glyph, in points from the page's left.</param>
/// <param name="Y">Baseline, in points from the page's bottom.</param>
/// <param name="Size">Font size in points.</param>
/// <param name="Text">The characters (any Unicode, CJK included).</param>
internal sealed record PdfTextLine(double X, double Y, double Size, string Text);

/// <summary>Writes small PDFs whose text any reader can extract without a font file: one Type 0 font with
/// Identity-H encoding, one code per distinct character and a ToUnicode map, no glyph data. It lets tests and the
/// fuzzer make CJK PDFs on machines without CJK fonts.</summary>
internal static class MinimalPdfWriter
{
    /// <summary>A4 width in points.</summary>
    public const double PageWidth = 595;
    /// <summary>A4 height in points.</summary>
    public const double PageHeight = 842;

    /// <summary>Lays paragraphs out on A4 pages: wrapped at the right margin, with space between paragraphs; a
    /// line break never falls next to a space, so the text reads back the same.</summary>
    public static IReadOnlyList<IReadOnlyList<PdfTextLine>> Layout(IEnumerable<string> paragraphs, double size = 10.5,
        double margin = 72, bool indentFirstLine = false)
    {
        var pages = new List<IReadOnlyList<PdfTextLine>>();
        var page = new List<PdfTextLine>();
        var y = PageHeight - margin;
        var width = PageWidth - 2 * margin;
        var leading = size * 1.5;
        foreach (var paragraph in paragraphs)
        {
            var text = paragraph.Trim();
            if (text.Length == 0) continue;
            var first = true;
            foreach (var line in Wrap(text, size, width, indentFirstLine ? 2 * size : 0))
            {
                if (y < margin)
                {
                    pages.Add(page);
                    page = [];
                    y = PageHeight - margin;
                }
                page.Add(new PdfTextLine(margin + (first && indentFirstLine ? 2 * size : 0), y, size, line));
                first = false;
                y -= leading;
            }
            y -= size * 0.8;
        }
        if (page.Count > 0) pages.Add(page);
        return pages;
    }

    private static IEnumerable<string> Wrap(string text, double size, double width, double indent)
    {
        var start = 0;
        var used = indent;
        for (var i = 0; i < text.Length; i++)
        {
            var w = Advance(text[i]) / 1000.0 * size;
            if (used + w > width && i > start)
            {
                var cut = i;
                // Move the break off a space (and off the middle of a surrogate pair).
                while (cut > start + 1 && (text[cut] == ' ' || text[cut - 1] == ' ' || char.IsLowSurrogate(text[cut]))) cut--;
                yield return text[start..cut];
                start = cut;
                used = 0;
                for (var k = start; k <= i; k++) used += Advance(text[k]) / 1000.0 * size;
                continue;
            }
            used += w;
        }
        if (start < text.Length) yield return text[start..];
    }

    /// <summary>Glyph advance in thousandths of the font size: ASCII half width, everything else full width.</summary>
    internal static int Advance(char c) => c < 0x80 ? 500 : char.IsLowSurrogate(c) ? 0 : 1000;

    /// <summary>Writes the pages as a PDF.</summary>
    /// <param name="pages">The lines of each page.</param>
    /// <param name="encrypted">Adds a standard-security /Encrypt dictionary whose password is not empty, so that
    /// readers refuse the file.</param>
    /// <param name="textless">Draws a filled rectangle instead of the text on every page (a scanned page).</param>
    public static byte[] Write(IReadOnlyList<IReadOnlyList<PdfTextLine>> pages, bool encrypted = false, bool textless = false)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var codes = new Dictionary<int, int>();
        foreach (var line in pages.SelectMany(p => p))
            foreach (var rune in line.Text.EnumerateRunes())
                if (!codes.ContainsKey(rune.Value)) codes[rune.Value] = codes.Count + 1;
        var objects = new List<string>();
        // 1 catalog, 2 pages, 3 font, 4 descendant, 5 descriptor, 6 ToUnicode, then per page: page, content.
        var pageIds = Enumerable.Range(0, pages.Count).Select(i => 7 + 2 * i).ToArray();
        objects.Add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.Add($"<< /Type /Pages /Kids [{string.Join(' ', pageIds.Select(id => id + " 0 R"))}] /Count {pages.Count} >>");
        objects.Add("<< /Type /Font /Subtype /Type0 /BaseFont /GovTextPlain /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 6 0 R >>");
        var widths = new StringBuilder();
        foreach (var (cp, code) in codes)
            widths.Append(CultureInfo.InvariantCulture, $"{code} [{(cp < 0x80 ? 500 : 1000)}] ");
        objects.Add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /GovTextPlain /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
            + $"/FontDescriptor 5 0 R /DW 1000 /W [{widths}] /CIDToGIDMap /Identity >>");
        objects.Add("<< /Type /FontDescriptor /FontName /GovTextPlain /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>");
        objects.Add(Stream(ToUnicode(codes)));
        foreach (var (lines, i) in pages.Select((p, i) => (p, i)))
        {
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PageWidth} {PageHeight}] /Resources << /Font << /F1 3 0 R >> >> /Contents {pageIds[i] + 1} 0 R >>");
            var content = new StringBuilder();
            if (textless)
            {
                content.Append("0.5 g 72 72 451 698 re f\n");
            }
            else
            {
                foreach (var line in lines)
                {
                    content.Append(CultureInfo.InvariantCulture, $"BT /F1 {line.Size:0.##} Tf 1 0 0 1 {line.X:0.##} {line.Y:0.##} Tm <");
                    foreach (var rune in line.Text.EnumerateRunes())
                        content.Append(codes[rune.Value].ToString("X4", CultureInfo.InvariantCulture));
                    content.Append("> Tj ET\n");
                }
            }
            objects.Add(Stream(content.ToString()));
        }
        var encryptId = 0;
        if (encrypted)
        {
            encryptId = objects.Count + 1;
            objects.Add("<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <" + new string('A', 64) + "> /U <" + new string('B', 64) + "> >>");
        }
        return Assemble(objects, encryptId);
    }

    private static string Stream(string data) =>
        string.Create(CultureInfo.InvariantCulture, $"<< /Length {Encoding.Latin1.GetByteCount(data)} >>\nstream\n{data}\nendstream");

    private static string ToUnicode(Dictionary<int, int> codes)
    {
        var sb = new StringBuilder();
        sb.Append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n");
        sb.Append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n");
        sb.Append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        foreach (var chunk in codes.Chunk(100))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{chunk.Length} beginbfchar\n");
            foreach (var (cp, code) in chunk)
            {
                var utf16 = char.ConvertFromUtf32(cp);
                sb.Append(CultureInfo.InvariantCulture, $"<{code:X4}> <");
                foreach (var c in utf16) sb.Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                sb.Append(">\n");
            }
            sb.Append("endbfchar\n");
        }
        sb.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend");
        return sb.ToString();
    }

    private static byte[] Assemble(List<string> objects, int encryptId)
    {
        var output = new MemoryStream();
        void Write(string s)
        {
            var b = Encoding.Latin1.GetBytes(s);
            output.Write(b, 0, b.Length);
        }
        Write("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new long[objects.Count];
        for (var i = 0; i < objects.Count; i++)
        {
            offsets[i] = output.Position;
            Write(string.Create(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n"));
        }
        var xref = output.Position;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) sb.Append(CultureInfo.InvariantCulture, $"{o:D10} 00000 n \n");
        sb.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R");
        if (encryptId > 0)
            sb.Append(CultureInfo.InvariantCulture, $" /Encrypt {encryptId} 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]");
        sb.Append(CultureInfo.InvariantCulture, $" >>\nstartxref\n{xref}\n%%EOF\n");
        Write(sb.ToString());
        return output.ToArray();
    }
}
