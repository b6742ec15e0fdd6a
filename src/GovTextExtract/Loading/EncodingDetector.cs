using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using UtfUnknown;

namespace GovTextExtract.Loading;

/// <summary>The result of decoding a document's bytes: the text, the encoding used and what the reader should know
/// about it (bytes replaced, a declaration overruled).</summary>
internal readonly record struct Decoded(string Text, string EncodingName, IReadOnlyList<string> Warnings)
{
    public Decoded(string text, string encodingName) : this(text, encodingName, []) { }
}

/// <summary>Chooses the encoding of bytes that carry no BOM, by the bytes alone: UTF-8 (also with a few invalid
/// bytes, which become U+FFFD), UTF-16 LE or BE without a BOM, Big5 (traditional Chinese), else GB18030.</summary>
/// <remarks>Bounded: UTF-16 and the legacy CJK choice look at the first <see cref="SampleBytes"/> bytes only; the
/// UTF-8 checks are one linear pass. Valid UTF-8 without NUL bytes, the common case, costs one vectorised check.</remarks>
internal static class EncodingDetector
{
    /// <summary>How many bytes from the start the UTF-16 and Big5/GB18030 decisions look at.</summary>
    internal const int SampleBytes = 65536;

    /// <summary>At most one invalid sequence per this many valid multi-byte UTF-8 sequences keeps a text UTF-8.</summary>
    internal const int Utf8ValidPerInvalid = 50;

    /// <summary>The share of "text-like" characters a UTF-16 reading must reach.</summary>
    internal const double Utf16TextShare = 0.9;

    static EncodingDetector() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly Encoding Utf16Le = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: false);
    private static readonly Encoding Utf16Be = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: false);

    /// <summary>Decodes bytes without a BOM by what they look like.</summary>
    public static Decoded Detect(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, SampleBytes)];
        var hasNul = sample.IndexOf((byte)0) >= 0;
        var validUtf8 = Utf8.IsValid(bytes);
        if (validUtf8 && !hasNul)
            return new Decoded(Encoding.UTF8.GetString(bytes), "utf-8");
        if (Utf16(bytes) is { } utf16)
            return utf16;
        if (validUtf8)
            return new Decoded(Encoding.UTF8.GetString(bytes), "utf-8");
        if (NearUtf8(bytes) is { } near)
            return near;
        var legacy = Legacy(bytes, sample);
        // A short UTF-8 text with one bad byte has too few characters for the strict ratio; when the legacy reading
        // is no text at all, UTF-8 with a looser ratio is the better reading.
        if (TextDecoder.LooksBinary(legacy.Text) && NearUtf8(bytes, Utf8ValidPerInvalidShortText) is { } shortNear)
            return shortNear;
        return legacy;
    }

    /// <summary>The looser ratio of <see cref="NearUtf8"/> when the legacy reading is binary: one invalid sequence per
    /// two valid ones (a byte inside a character makes up to four invalid sequences; GB18030 or Big5 bytes read as
    /// UTF-8 give more invalid sequences than valid ones, and their legacy reading is text, so this never applies).</summary>
    internal const int Utf8ValidPerInvalidShortText = 2;

    /// <summary>UTF-8 with a few invalid sequences (a stray byte, a character cut at the end), or null when the
    /// bytes are not mostly UTF-8. Each invalid sequence becomes U+FFFD and a warning says how many.</summary>
    internal static Decoded? NearUtf8(ReadOnlySpan<byte> bytes, int validPerInvalid = Utf8ValidPerInvalid)
    {
        var (multi, invalid, first) = CountUtf8(bytes, validPerInvalid);
        if (invalid == 0 || multi < 4 || (long)invalid * validPerInvalid > multi)
            return null;
        var text = Encoding.UTF8.GetString(bytes);
        var warning = string.Create(CultureInfo.InvariantCulture,
            $"{invalid} invalid UTF-8 byte sequence(s) replaced by U+FFFD (the first at byte {first})");
        return new Decoded(text, "utf-8", [warning]);
    }

    /// <summary>Valid multi-byte sequences, invalid sequences (each maximal invalid subpart once, as the decoder
    /// replaces them) and the offset of the first invalid one.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <param name="stopRatio">When positive, the count stops as soon as the invalid sequences times this ratio
    /// exceed every valid sequence the rest of the bytes could still hold (GBK bytes stop within a few percent).</param>
    internal static (long Multi, long Invalid, long First) CountUtf8(ReadOnlySpan<byte> bytes, int stopRatio = 0)
    {
        long multi = 0, invalid = 0, first = -1, offset = 0;
        while (!bytes.IsEmpty)
        {
            var ascii = bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
            if (ascii < 0) break;
            bytes = bytes[ascii..];
            offset += ascii;
            var status = Rune.DecodeFromUtf8(bytes, out _, out var consumed);
            if (status == OperationStatus.Done)
                multi++;
            else
            {
                invalid++;
                if (first < 0) first = offset;
                if (stopRatio > 0 && invalid * stopRatio > multi + bytes.Length / 2)
                    break;
            }
            consumed = Math.Max(1, consumed);
            bytes = bytes[consumed..];
            offset += consumed;
        }
        return (multi, invalid, first);
    }

    /// <summary>UTF-16 without a BOM, LE or BE, when one reading of the sample is almost all Chinese, ASCII and
    /// punctuation and clearly better than the other; else null.</summary>
    internal static Decoded? Utf16(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4) return null;
        var sample = bytes[..(Math.Min(bytes.Length, SampleBytes) & ~1)];
        var le = TextShare(Utf16Le.GetString(sample));
        var be = TextShare(Utf16Be.GetString(sample));
        var (enc, name, share, other) = le >= be ? (Utf16Le, "utf-16le", le, be) : (Utf16Be, "utf-16be", be, le);
        if (share < Utf16TextShare || share - other < 0.05) return null;
        var even = bytes[..(bytes.Length & ~1)];
        var text = enc.GetString(even);
        if (even.Length == bytes.Length)
            return new Decoded(text, name);
        return new Decoded(text + "\uFFFD", name,
            [$"the UTF-16 text has an odd number of bytes: its last byte is replaced by U+FFFD (a cut file?)"]);
    }

    /// <summary>The share of characters that are common in Chinese text: CJK ideographs and punctuation, full-width
    /// forms, printable ASCII, line breaks and tabs.</summary>
    internal static double TextShare(string s)
    {
        if (s.Length == 0) return 0;
        var good = 0;
        foreach (var c in s)
        {
            if (c is (>= ' ' and <= '~') or '\n' or '\r' or '\t'
                or (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u3000' and <= '\u303F')
                or (>= '\uFF00' and <= '\uFFEF') or (>= '\u2000' and <= '\u206F') or (>= '\u00A0' and <= '\u00FF')
                or (>= '\u2460' and <= '\u24FF') or (>= '\u2150' and <= '\u218F') or (>= '\u25A0' and <= '\u25FF'))
                good++;
        }
        return good / (double)s.Length;
    }

    /// <summary>A legacy Chinese encoding: Big5 when the detector (UTF.Unknown's frequency models) says Big5, else
    /// GB18030 (a superset of GBK and GB2312, the encoding of mainland government sites).</summary>
    internal static Decoded Legacy(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> sample)
    {
        var (encoding, name) = IsBig5(sample) ? (Big5, "big5") : (TextDecoder.Gb18030, "gb18030");
        return DecodeWith(encoding, name, bytes);
    }

    /// <summary>Decodes with a legacy encoding, invalid bytes as U+FFFD (the code-page decoders' default is a
    /// silent '?'), with a warning that counts them.</summary>
    internal static Decoded DecodeWith(Encoding encoding, string name, ReadOnlySpan<byte> bytes)
    {
        var decoder = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
        var text = decoder.GetString(bytes);
        var replaced = text.AsSpan().Count('\uFFFD');
        return replaced == 0 ? new Decoded(text, name)
            : new Decoded(text, name, [string.Create(CultureInfo.InvariantCulture,
                $"{replaced} byte sequence(s) that are not {name.ToUpperInvariant()} replaced by U+FFFD")]);
    }

    /// <summary>True when UTF.Unknown reads the sample as Big5.</summary>
    internal static bool IsBig5(ReadOnlySpan<byte> sample)
    {
        var detected = CharsetDetector.DetectFromBytes(sample.ToArray()).Detected;
        return detected is { EncodingName: { } n, Confidence: >= 0.5f } && n.StartsWith("big5", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The Big5 encoding (code page 950).</summary>
    internal static Encoding Big5 => Encoding.GetEncoding(950);
}
