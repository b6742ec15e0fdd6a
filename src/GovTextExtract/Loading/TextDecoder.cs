using System.Text;

namespace GovTextExtract.Loading;

/// <summary>Decodes the bytes of a Chinese text document.</summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The GB18030 encoding (registers the code-pages provider on first use).</summary>
    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    /// <summary>Decodes bytes: the forced encoding if given, else BOM, strict UTF-8, then GB18030.</summary>
    /// <returns>The text (without BOM) and the encoding's name.</returns>
    public static (string Text, string EncodingName) Decode(ReadOnlySpan<byte> bytes, Encoding? forced = null)
    {
        if (forced is not null)
        {
            var pre = forced.Preamble;
            var body = pre.Length > 0 && bytes.StartsWith(pre) ? bytes[pre.Length..] : bytes;
            return (forced.GetString(body), forced.WebName);
        }
        if (bytes.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
            return (Encoding.UTF8.GetString(bytes[3..]), "utf-8");
        if (bytes.StartsWith(new byte[] { 0xFF, 0xFE, 0, 0 }))
            return (Encoding.UTF32.GetString(bytes[4..]), "utf-32");
        if (bytes.StartsWith(new byte[] { 0xFF, 0xFE }))
            return (Encoding.Unicode.GetString(bytes[2..]), "utf-16");
        if (bytes.StartsWith(new byte[] { 0xFE, 0xFF }))
            return (Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16BE");
        try
        {
            return (StrictUtf8.GetString(bytes), "utf-8");
        }
        catch (DecoderFallbackException)
        {
            return (Gb18030.GetString(bytes), "gb18030");
        }
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
