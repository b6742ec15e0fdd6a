using System.Globalization;
using System.IO.Compression;

namespace GovTextExtract.Loading;

/// <summary>Checks a PDF's compressed streams before PdfPig reads them: every <c>/FlateDecode</c> stream is inflated
/// once, its bytes counted as they come, so that a small file whose streams expand hugely is refused before a parser
/// holds the expansion in memory.</summary>
/// <remarks>
/// <para>Three caps: all streams together may expand to at most <see cref="LoadOptions.MaxDecompressedBytes"/>
/// (<see cref="LoadFailure.ZipBomb"/>); the strings that the content streams show (the text operators' operands, an
/// upper bound of the glyphs drawn) may add up to at most twice <see cref="LoadOptions.MaxTextCharacters"/> bytes
/// (two-byte codes are the rule in Chinese PDFs); and one stream may show at most <see cref="MaxStringBytesPerStream"/>
/// bytes of strings, because PdfPig builds all the letters of a page at once (<see cref="LoadFailure.TooLarge"/>).</para>
/// <para>Images and embedded fonts are inflated and counted against the first cap only. Streams under other filters
/// (LZW, ASCII85 before Flate) are left to PdfPig's own limits. The check reads the file's bytes, not its cross
/// reference: a stream the parser would never reach still counts.</para>
/// </remarks>
internal static class PdfStreamGuard
{
    /// <summary>Most bytes of strings one stream may show: 200,000, twenty times the densest page of small-print tables
    /// (PdfPig holds a page's letters at about 1.5 KB each: a page at this cap peaks near 300 MB).</summary>
    internal const long MaxStringBytesPerStream = 200_000;

    private static ReadOnlySpan<byte> StreamKeyword => "stream"u8;

    /// <summary>Inflates and measures every Flate stream of the file.</summary>
    /// <exception cref="DocumentLoadException">A cap is passed.</exception>
    public static void Validate(byte[] bytes, string name, LoadOptions options, CancellationToken ct)
    {
        long inflated = 0, strings = 0;
        var buffer = new byte[65536];
        var position = 0;
        while (true)
        {
            var found = bytes.AsSpan(position).IndexOf(StreamKeyword);
            if (found < 0) return;
            var keyword = position + found;
            position = keyword + StreamKeyword.Length;
            if (keyword >= 3 && bytes.AsSpan(keyword - 3, 3).SequenceEqual("end"u8)) continue;
            // The data starts after the keyword's end of line (CR LF or LF).
            var start = position;
            if (start < bytes.Length && bytes[start] == '\r') start++;
            if (start < bytes.Length && bytes[start] == '\n') start++;
            else if (start == position) continue; // "stream" inside a word or a name, not the keyword
            var dictionary = Dictionary(bytes, keyword);
            if (dictionary.IndexOf("/FlateDecode"u8) < 0 && dictionary.IndexOf("/Fl "u8) < 0 && dictionary.IndexOf("/Fl/"u8) < 0
                && dictionary.IndexOf("/Fl]"u8) < 0 && dictionary.IndexOf("/Fl>"u8) < 0)
                continue;
            var shows = dictionary.IndexOf("/Image"u8) < 0 && dictionary.IndexOf("/Length1"u8) < 0
                && dictionary.IndexOf("/Length2"u8) < 0 && dictionary.IndexOf("/Subtype/Type1C"u8) < 0
                && dictionary.IndexOf("/Subtype /Type1C"u8) < 0 && dictionary.IndexOf("/CIDFontType0C"u8) < 0
                && dictionary.IndexOf("/OpenType"u8) < 0 && dictionary.IndexOf("/XRef"u8) < 0
                && dictionary.IndexOf("/ObjStm"u8) < 0;
            var meter = new StringMeter();
            try
            {
                using var input = new ZLibStream(new MemoryStream(bytes, start, bytes.Length - start, writable: false), CompressionMode.Decompress);
                int read;
                while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
                {
                    inflated += read;
                    if (inflated > options.MaxDecompressedBytes)
                        throw new DocumentLoadException(name, LoadFailure.ZipBomb, string.Create(CultureInfo.InvariantCulture,
                            $"the PDF's compressed streams expand past the limit of {options.MaxDecompressedBytes} bytes (LoadOptions.MaxDecompressedBytes)"));
                    if (shows)
                    {
                        meter.Feed(buffer.AsSpan(0, read));
                        if (meter.Bytes > MaxStringBytesPerStream)
                            throw new DocumentLoadException(name, LoadFailure.TooLarge, string.Create(CultureInfo.InvariantCulture,
                                $"one of the PDF's content streams shows more than {MaxStringBytesPerStream} bytes of text, far more than a page holds"));
                        if (strings + meter.Bytes > 2 * options.MaxTextCharacters)
                            throw StructuredTextBuilder.TooLarge(name, options.MaxTextCharacters, "the PDF's content streams, counted while inflating");
                    }
                    ct.ThrowIfCancellationRequested();
                }
            }
            catch (InvalidDataException)
            {
                // Not a zlib stream after all, or a damaged one: PdfPig decides what to make of it.
            }
            strings += meter.Bytes;
            // On past the stream's data, so that bytes inside it are never taken for another keyword.
            var end = bytes.AsSpan(start).IndexOf("endstream"u8);
            if (end >= 0) position = start + end + 9;
        }
    }

    /// <summary>The bytes between the object's start (<c>obj</c>) and the <c>stream</c> keyword, at most 4 KB back.</summary>
    private static ReadOnlySpan<byte> Dictionary(byte[] bytes, int keyword)
    {
        var from = Math.Max(0, keyword - 4096);
        var window = bytes.AsSpan(from, keyword - from);
        var obj = window.LastIndexOf(" obj"u8);
        return obj >= 0 ? window[obj..] : window;
    }

    /// <summary>Counts the bytes inside string operands, literal <c>( )</c> with nesting and escapes, and hexadecimal
    /// <c>&lt; &gt;</c> (two digits a byte); <c>&lt;&lt;</c> dictionaries are not strings.</summary>
    internal sealed class StringMeter
    {
        private int _state; // 0 outside, 1 literal, 2 escape in literal, 3 after '<', 4 hex
        private int _nesting;
        private long _hexDigits;

        /// <summary>String bytes counted so far.</summary>
        public long Bytes { get; private set; }

        /// <summary>Reads more of the stream.</summary>
        public void Feed(ReadOnlySpan<byte> data)
        {
            foreach (var b in data)
            {
                switch (_state)
                {
                    case 0:
                        if (b == '(') { _state = 1; _nesting = 1; }
                        else if (b == '<') _state = 3;
                        break;
                    case 1:
                        if (b == '\\') _state = 2;
                        else if (b == '(') { _nesting++; Bytes++; }
                        else if (b == ')') { if (--_nesting == 0) _state = 0; else Bytes++; }
                        else Bytes++;
                        break;
                    case 2:
                        Bytes++;
                        _state = 1;
                        break;
                    case 3:
                        _state = b == '<' ? 0 : 4;
                        if (_state == 4 && IsHex(b)) CountHex();
                        break;
                    default:
                        if (b == '>') _state = 0;
                        else if (IsHex(b)) CountHex();
                        break;
                }
            }
        }

        private void CountHex()
        {
            if (++_hexDigits % 2 == 0) Bytes++;
        }

        private static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';
    }
}
