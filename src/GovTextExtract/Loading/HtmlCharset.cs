using System.Text;

namespace GovTextExtract.Loading;

/// <summary>Decides the encoding of an HTML page: a BOM wins; else a charset the page declares in a
/// <c>&lt;meta charset&gt;</c> or <c>&lt;meta http-equiv="Content-Type"&gt;</c> tag near its start, unless the bytes
/// contradict it; else the bytes decide (<see cref="EncodingDetector"/>).</summary>
/// <remarks>GB2312 and GBK labels decode as GB18030 (their superset), as browsers do. A page that declares UTF-8 but
/// is not UTF-8 is read by its bytes (GB18030 or Big5): Chinese sites that copy a template's UTF-8 tag onto GBK bytes
/// are common. A page that declares another charset but whose bytes are UTF-8 (with at most a few invalid bytes)
/// reads as UTF-8. An unknown or unsupported label (utf-7, x-nonsense) is ignored: the bytes decide. The last two
/// leave a warning.</remarks>
internal static class HtmlCharset
{
    /// <summary>How many bytes from the start the meta tag is looked for (browsers look at 1024; Chinese portals often
    /// put long scripts first).</summary>
    internal const int PrescanBytes = 8192;

    /// <summary>Decodes the page bytes.</summary>
    /// <returns>The text without BOM, the name of the encoding used and any warnings.</returns>
    public static Decoded Decode(ReadOnlySpan<byte> bytes, Encoding? forced)
    {
        if (forced is not null || HasBom(bytes))
            return TextDecoder.DecodeDetailed(bytes, forced);
        var declared = FindDeclaredCharset(bytes[..Math.Min(bytes.Length, PrescanBytes)]);
        if (declared is null)
            return EncodingDetector.Detect(bytes);
        var label = Clean(declared);
        var enc = EncodingForLabel(declared);
        if (enc is null)
        {
            var d = EncodingDetector.Detect(bytes);
            return d with { Warnings = [$"the page declares charset \"{Shown(label)}\", which is not supported: read as {d.EncodingName} by its bytes", .. d.Warnings] };
        }
        if (enc.CodePage == Encoding.UTF8.CodePage)
        {
            var d = EncodingDetector.Detect(bytes);
            return d.EncodingName == "utf-8" || d.EncodingName.StartsWith("utf-16", StringComparison.Ordinal) ? d
                : d with { Warnings = [$"the page declares charset \"{Shown(label)}\" but its bytes are not UTF-8: read as {d.EncodingName}", .. d.Warnings] };
        }
        // A legacy declaration: bytes with non-ASCII characters that are (almost all) valid UTF-8 overrule it.
        var (multi, _, _) = EncodingDetector.CountUtf8(bytes[..Math.Min(bytes.Length, EncodingDetector.SampleBytes)]);
        if (multi > 0 && (System.Text.Unicode.Utf8.IsValid(bytes) ? new Decoded(Encoding.UTF8.GetString(bytes), "utf-8")
                : EncodingDetector.NearUtf8(bytes)) is { } utf8)
            return utf8 with { Warnings = [$"the page declares charset \"{Shown(label)}\" but its bytes are UTF-8: read as utf-8", .. utf8.Warnings] };
        return enc.IsSingleByte ? new Decoded(enc.GetString(bytes), enc.WebName)
            : EncodingDetector.DecodeWith(enc, enc.CodePage == TextDecoder.Gb18030.CodePage ? "gb18030" : enc.WebName, bytes);
    }

    private static string Clean(string label) => label.Trim().Trim('"', '\'').Trim();

    /// <summary>A label as a message may show it: printable ASCII, at most 40 characters.</summary>
    private static string Shown(string label)
    {
        var s = new string(label.Where(c => c is >= ' ' and <= '~' and not '"').Take(40).ToArray());
        return s.Length == 0 ? "?" : s;
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
            var enc = Encoding.GetEncoding(l);
            // A label that names an encoding which cannot hold the ASCII meta tag it was read from (UTF-7, UTF-32,
            // EBCDIC) is a wrong label: the bytes decide.
            return IsAsciiCompatible(enc) ? enc : null;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            // Unknown labels throw ArgumentException; UTF-7 (obsolete since .NET 5) throws NotSupportedException.
            return null;
        }
    }

    /// <summary>True when the encoding writes the characters of a meta tag as their ASCII bytes.</summary>
    private static bool IsAsciiCompatible(Encoding enc)
    {
        const string probe = "<meta charset=\"x\">\n";
        try
        {
            return enc.CodePage != 65000 && enc.GetBytes(probe).AsSpan().SequenceEqual(Encoding.ASCII.GetBytes(probe));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return false;
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
