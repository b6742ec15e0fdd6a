using System.Text;

namespace GovTextExtract.Loading;

/// <summary>Decides the encoding of an HTML page: a BOM wins; else a charset the page declares in a
/// <c>&lt;meta charset&gt;</c> or <c>&lt;meta http-equiv="Content-Type"&gt;</c> tag near its start; else strict
/// UTF-8; else GB18030.</summary>
/// <remarks>GB2312 and GBK labels decode as GB18030 (their superset), as browsers do. A page that declares UTF-8 but
/// is not valid UTF-8 decodes as GB18030: Chinese sites that copy a template's UTF-8 tag onto GBK bytes are common.</remarks>
internal static class HtmlCharset
{
    /// <summary>How many bytes from the start the meta tag is looked for (browsers look at 1024; Chinese portals often
    /// put long scripts first).</summary>
    internal const int PrescanBytes = 8192;

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>Decodes the page bytes.</summary>
    /// <returns>The text without BOM and the name of the encoding used.</returns>
    public static (string Text, string EncodingName) Decode(ReadOnlySpan<byte> bytes, Encoding? forced)
    {
        if (forced is not null || HasBom(bytes))
            return TextDecoder.Decode(bytes, forced);
        var declared = FindDeclaredCharset(bytes[..Math.Min(bytes.Length, PrescanBytes)]);
        if (declared is not null && EncodingForLabel(declared) is { } enc)
        {
            if (enc.CodePage == Encoding.UTF8.CodePage)
            {
                try
                {
                    return (StrictUtf8.GetString(bytes), "utf-8");
                }
                catch (DecoderFallbackException)
                {
                    return (TextDecoder.Gb18030.GetString(bytes), "gb18030");
                }
            }
            return (enc.GetString(bytes), enc.CodePage == TextDecoder.Gb18030.CodePage ? "gb18030" : enc.WebName);
        }
        return TextDecoder.Decode(bytes);
    }

    private static bool HasBom(ReadOnlySpan<byte> b) =>
        b.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) || b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])
        || b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);

    /// <summary>The encoding a charset label names, or null when the label is unknown.</summary>
    internal static Encoding? EncodingForLabel(string label)
    {
        var l = label.Trim().Trim('"', '\'').Trim().ToLowerInvariant();
        switch (l)
        {
            case "utf-8" or "utf8" or "unicode-1-1-utf-8" or "x-unicode20utf8":
            // A page cannot declare UTF-16 in an ASCII-compatible meta tag: browsers read it as UTF-8.
            case "utf-16" or "utf-16le" or "utf-16be" or "unicode":
                return Encoding.UTF8;
            case "gb2312" or "gbk" or "gb18030" or "x-gbk" or "chinese" or "csgb2312" or "csiso58gb231280"
                or "iso-ir-58" or "cp936" or "windows-936" or "ms936" or "gb_2312-80" or "gb_2312" or "euc-cn":
                return TextDecoder.Gb18030;
        }
        if (l.Length == 0 || l.Length > 40) return null;
        try
        {
            return Encoding.GetEncoding(l);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The charset a meta tag in <paramref name="head"/> declares, or null.</summary>
    internal static string? FindDeclaredCharset(ReadOnlySpan<byte> head)
    {
        // The head is scanned as Latin-1: every tag and attribute name of interest is ASCII.
        var s = Encoding.Latin1.GetString(head);
        var i = 0;
        while (i < s.Length)
        {
            var lt = s.IndexOf('<', i);
            if (lt < 0) return null;
            if (string.CompareOrdinal(s, lt, "<!--", 0, 4) == 0)
            {
                var end = s.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                if (end < 0) return null;
                i = end + 3;
                continue;
            }
            if (lt + 5 < s.Length && string.Compare(s, lt + 1, "meta", 0, 4, StringComparison.OrdinalIgnoreCase) == 0
                && (char.IsWhiteSpace(s[lt + 5]) || s[lt + 5] == '/'))
            {
                var (attrs, next) = ReadAttributes(s, lt + 5);
                i = next;
                if (attrs.TryGetValue("charset", out var cs) && cs.Length > 0) return cs;
                if (attrs.TryGetValue("http-equiv", out var he) && he.Trim().Equals("content-type", StringComparison.OrdinalIgnoreCase)
                    && attrs.TryGetValue("content", out var content) && CharsetFromContent(content) is { } c)
                    return c;
                continue;
            }
            i = lt + 1;
        }
        return null;
    }

    /// <summary>The charset parameter of a Content-Type value ("text/html; charset=gb2312").</summary>
    internal static string? CharsetFromContent(string content)
    {
        var k = content.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
        if (k < 0) return null;
        var j = k + 7;
        while (j < content.Length && char.IsWhiteSpace(content[j])) j++;
        if (j >= content.Length || content[j] != '=') return null;
        j++;
        while (j < content.Length && char.IsWhiteSpace(content[j])) j++;
        if (j < content.Length && content[j] is '"' or '\'')
        {
            var q = content[j];
            var e = content.IndexOf(q, j + 1);
            return e < 0 ? null : content[(j + 1)..e];
        }
        var end = j;
        while (end < content.Length && !char.IsWhiteSpace(content[end]) && content[end] != ';') end++;
        return end > j ? content[j..end] : null;
    }

    private static (Dictionary<string, string> Attributes, int Next) ReadAttributes(string s, int i)
    {
        var attrs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (i < s.Length)
        {
            while (i < s.Length && (char.IsWhiteSpace(s[i]) || s[i] == '/')) i++;
            if (i >= s.Length) break;
            if (s[i] == '>') return (attrs, i + 1);
            var nameStart = i;
            while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] is not ('=' or '>' or '/')) i++;
            var name = s[nameStart..i];
            while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
            var value = "";
            if (i < s.Length && s[i] == '=')
            {
                i++;
                while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
                if (i < s.Length && s[i] is '"' or '\'')
                {
                    var q = s[i];
                    var end = s.IndexOf(q, i + 1);
                    if (end < 0) end = s.Length;
                    value = s[(i + 1)..end];
                    i = Math.Min(s.Length, end + 1);
                }
                else
                {
                    var vs = i;
                    while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] != '>') i++;
                    value = s[vs..i];
                }
            }
            if (name.Length > 0) attrs.TryAdd(name, value);
            if (name.Length == 0) i++;
        }
        return (attrs, i);
    }
}
