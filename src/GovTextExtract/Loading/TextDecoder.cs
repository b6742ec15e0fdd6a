using System.Text;

namespace GovTextExtract.Loading;

/// <summary>Decodes the bytes of a Chinese text document.</summary>
public static class TextDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The GB18030 encoding (registers the code-pages provider on first use).</summary>
    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    /// <summary>Decodes bytes: the forced encoding if given, else a BOM, else by the bytes: UTF-8 (a few invalid
    /// bytes become U+FFFD), UTF-16 LE or BE without a BOM, Big5, else GB18030.</summary>
    /// <returns>The text (without BOM) and the encoding's name.</returns>
    public static (string Text, string EncodingName) Decode(ReadOnlySpan<byte> bytes, Encoding? forced = null)
    {
        var d = DecodeDetailed(bytes, forced);
        return (d.Text, d.EncodingName);
    }

    /// <summary>As <see cref="Decode"/>, with the warnings (bytes replaced by U+FFFD, a cut UTF-16 file).</summary>
    internal static Decoded DecodeDetailed(ReadOnlySpan<byte> bytes, Encoding? forced = null)
    {
        if (forced is not null)
        {
            var pre = forced.Preamble;
            var body = pre.Length > 0 && bytes.StartsWith(pre) ? bytes[pre.Length..] : bytes;
            return new Decoded(forced.GetString(body), forced.WebName);
        }
        if (bytes.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
            return Bom(Encoding.UTF8, bytes[3..], "utf-8");
        if (bytes.StartsWith(new byte[] { 0xFF, 0xFE, 0, 0 }))
            return new Decoded(Encoding.UTF32.GetString(bytes[4..]), "utf-32");
        if (bytes.StartsWith(new byte[] { 0xFF, 0xFE }))
            return new Decoded(Encoding.Unicode.GetString(bytes[2..]), "utf-16");
        if (bytes.StartsWith(new byte[] { 0xFE, 0xFF }))
            return new Decoded(Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16BE");
        return EncodingDetector.Detect(bytes);
    }

    /// <summary>A UTF-8 body after its BOM, with a warning when some of its bytes are not UTF-8.</summary>
    private static Decoded Bom(Encoding encoding, ReadOnlySpan<byte> body, string name)
    {
        var text = encoding.GetString(body);
        if (System.Text.Unicode.Utf8.IsValid(body)) return new Decoded(text, name);
        var (_, invalid, first) = EncodingDetector.CountUtf8(body);
        return new Decoded(text, name, [string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{invalid} invalid UTF-8 byte sequence(s) replaced by U+FFFD (the first at byte {first + 3})")]);
    }

    /// <summary>True when a decoded text is mostly control characters or replacement characters.</summary>
    public static bool LooksBinary(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sample = text.Length > 65536 ? text[..65536] : text;
        var bad = 0;
        foreach (var c in sample)
        {
            if (c == '\uFFFD' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f')))
                bad++;
        }
        return bad > sample.Length / 20 + 2;
    }
}
