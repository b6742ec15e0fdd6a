using System.IO.Compression;
using System.Text;

namespace GovTextExtract.Loading.Fuzzing;

/// <summary>The fuzzer's structural attacks: inputs built to pass one of the loader's caps or to lie about themselves,
/// rather than random damage. Each is sized from the load options, so that about half the cases fall under the cap
/// they aim at and half over it.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>huge-run</c>: one run of text between half and twice <see cref="LoadOptions.MaxTextCharacters"/>: a single
/// DOCX run, one HTML paragraph, one line of plain text.</item>
/// <item><c>inflating-stream</c>: a small compressed part that expands hugely: a PDF Flate stream of a string-showing
/// operator or of zeros, a DOCX entry of zeros, up to twice the cap it aims at.</item>
/// <item><c>charset-lie</c>: a charset declaration the bytes contradict, an unsupported one (<c>utf-7</c>), or the
/// same text re-encoded (UTF-16 without a BOM, Big5, GB18030) under its old declaration.</item>
/// <item><c>zero-widths</c>: zero-width and bidi characters strewn through the text, beside digits most of all.</item>
/// </list>
/// </remarks>
internal static class StructuralAttacks
{
    /// <summary>The attacks' names, as the fuzzer's mutations.</summary>
    public static readonly string[] Names = ["huge-run", "inflating-stream", "charset-lie", "zero-widths"];

    private static readonly string[] Invisible = ["\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E"];

    private static readonly string[] Charsets = ["utf-8", "gbk", "gb2312", "gb18030", "big5", "utf-16", "utf-7", "shift_jis", "iso-8859-1", "x-nonsense", ""];

    /// <summary>Applies the attack <paramref name="name"/> to a seed.</summary>
    public static byte[] Apply(string name, byte[] seed, LoadOptions options, Random r) => name switch
    {
        "huge-run" => HugeRun(seed, options, r),
        "inflating-stream" => Inflating(seed, options, r),
        "charset-lie" => CharsetLie(seed, r),
        _ => ZeroWidths(seed, r),
    };

    private static bool IsPdf(byte[] b) => b.AsSpan(0, Math.Min(b.Length, 1024)).IndexOf("%PDF-"u8) >= 0;

    private static bool IsHtml(byte[] b) => b.AsSpan(0, Math.Min(b.Length, 256)).IndexOf("<!DOCTYPE"u8) >= 0
        || b.AsSpan(0, Math.Min(b.Length, 256)).IndexOf("<html"u8) >= 0;

    /// <summary>A length between half and twice <paramref name="cap"/>.</summary>
    private static int AroundCap(long cap, Random r) => (int)Math.Min(int.MaxValue / 4, cap / 2 + (long)(r.NextDouble() * 1.5 * cap));

    private static string Filler(int length, Random r)
    {
        var unit = r.Next(3) switch { 0 => "完成年度目标任务的120%。", 1 => "字", _ => "1234567890" };
        var sb = new StringBuilder(length + unit.Length);
        while (sb.Length < length) sb.Append(unit);
        return sb.ToString(0, length);
    }

    private static byte[] HugeRun(byte[] seed, LoadOptions options, Random r)
    {
        var run = Filler(AroundCap(options.MaxTextCharacters, r), r);
        if (LoaderFuzzer.IsZip(seed))
            return WithEntry(seed, ZipGuard.WordDocumentEntry, xml => InsertBefore(xml, "</w:body>",
                "<w:p><w:r><w:t>" + run + "</w:t></w:r></w:p>")) ?? seed;
        if (IsPdf(seed))
            return Inflating(seed, options, r);
        if (IsHtml(seed))
            return Encoding.UTF8.GetBytes(InsertBefore(Encoding.UTF8.GetString(seed), "</body>", "<p>" + run + "</p>"));
        return [.. seed, .. Encoding.UTF8.GetBytes("\n" + run + "\n")];
    }

    private static byte[] Inflating(byte[] seed, LoadOptions options, Random r)
    {
        if (LoaderFuzzer.IsZip(seed))
        {
            var zeros = new byte[AroundCap(options.MaxDecompressedBytes, r)];
            try
            {
                var entries = DocxWriter.ReadEntries(seed);
                entries.Add(("word/media/filler" + r.Next(1000) + ".bin", zeros));
                return DocxWriter.Zip(entries);
            }
            catch (InvalidDataException)
            {
                return seed;
            }
        }
        if (!IsPdf(seed))
            return HugeRun(seed, options, r);
        // A string-showing stream around the per-page cap, or zeros around the decompression cap.
        byte[] content = r.Next(2) == 0
            ? [.. "BT /F1 1 Tf 10 10 Td ("u8, .. Enumerable.Repeat((byte)'A', AroundCap(PdfStreamGuard.MaxStringBytesPerStream, r)), .. ") Tj ET"u8]
            : new byte[AroundCap(options.MaxDecompressedBytes, r)];
        using var packed = new MemoryStream();
        using (var z = new ZLibStream(packed, CompressionLevel.Fastest, leaveOpen: true))
            z.Write(content);
        var data = packed.ToArray();
        var text = Encoding.Latin1.GetString(seed);
        var at = text.LastIndexOf("xref", StringComparison.Ordinal);
        if (at < 0) at = seed.Length;
        byte[] obj = [.. Encoding.Latin1.GetBytes($"\n9999 0 obj\n<< /Length {data.Length} /Filter /FlateDecode >>\nstream\n"), .. data,
            .. "\nendstream\nendobj\n"u8];
        return [.. seed.AsSpan(0, at), .. obj, .. seed.AsSpan(at)];
    }

    private static byte[] CharsetLie(byte[] seed, Random r)
    {
        if (LoaderFuzzer.IsZip(seed) || IsPdf(seed))
            return ZeroWidths(seed, r);
        var decoded = TextDecoder.DecodeDetailed(seed).Text;
        var declared = Charsets[r.Next(Charsets.Length)];
        if (IsHtml(seed))
        {
            var meta = declared.Length == 0 ? "" : $"<meta charset=\"{declared}\">";
            var page = decoded.Contains("<head>", StringComparison.Ordinal)
                ? decoded.Replace("<head>", "<head>" + meta, StringComparison.Ordinal)
                : meta + decoded;
            return Encode(page, r);
        }
        return Encode(decoded, r);
    }

    /// <summary>The text in a randomly chosen encoding, without a BOM.</summary>
    private static byte[] Encode(string text, Random r) => r.Next(5) switch
    {
        0 => new UnicodeEncoding(bigEndian: false, byteOrderMark: false).GetBytes(text),
        1 => new UnicodeEncoding(bigEndian: true, byteOrderMark: false).GetBytes(text),
        2 => Encoding.GetEncoding(950).GetBytes(text),
        3 => TextDecoder.Gb18030.GetBytes(text),
        _ => Encoding.UTF8.GetBytes(text),
    };

    private static byte[] ZeroWidths(byte[] seed, Random r)
    {
        if (IsPdf(seed)) return seed;
        if (LoaderFuzzer.IsZip(seed))
            return WithEntry(seed, ZipGuard.WordDocumentEntry, xml => Strew(xml, r, insideTextOnly: true)) ?? seed;
        var text = TextDecoder.DecodeDetailed(seed).Text;
        return Encoding.UTF8.GetBytes(Strew(text, r, insideTextOnly: IsHtml(seed)));
    }

    /// <summary>Inserts invisible characters after digits and at random places (in markup, only outside tags).</summary>
    private static string Strew(string text, Random r, bool insideTextOnly)
    {
        var sb = new StringBuilder(text.Length + 256);
        var inTag = false;
        foreach (var c in text)
        {
            sb.Append(c);
            if (insideTextOnly && c == '<') inTag = true;
            else if (insideTextOnly && c == '>') inTag = false;
            if (inTag) continue;
            if ((char.IsAsciiDigit(c) && r.Next(3) == 0) || r.Next(40) == 0)
                sb.Append(Invisible[r.Next(Invisible.Length)]);
        }
        return sb.ToString();
    }

    private static string InsertBefore(string text, string marker, string insert)
    {
        var at = text.LastIndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? text + insert : text[..at] + insert + text[at..];
    }

    /// <summary>Re-zips the archive with one UTF-8 entry rewritten, or null when the archive cannot be read.</summary>
    private static byte[]? WithEntry(byte[] zip, string name, Func<string, string> rewrite)
    {
        try
        {
            var entries = DocxWriter.ReadEntries(zip);
            var i = entries.FindIndex(e => e.Name == name);
            if (i < 0) return null;
            entries[i] = (name, Encoding.UTF8.GetBytes(rewrite(Encoding.UTF8.GetString(entries[i].Bytes))));
            return DocxWriter.Zip(entries);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
