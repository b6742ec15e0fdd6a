using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace GovTextExtract.Review;

/// <summary>How the review pages write text into HTML: every piece of document text escaped, data as a JSON island
/// that no parser reads as markup, and a Content-Security-Policy that names the one inline style and script by hash.</summary>
internal static class ReviewHtml
{
    /// <summary>JSON for a data island: the encoder writes Chinese as is but escapes <c>&lt;</c>, <c>&gt;</c>,
    /// <c>&amp;</c>, quotes and <c>+</c> as <c>\u003C</c> and the like, so <c>&lt;/script&gt;</c> in a document cannot
    /// close the island.</summary>
    public static JsonSerializerOptions Json { get; } = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    /// <summary>Writes text as HTML character data or an attribute value: <c>&amp; &lt; &gt; " '</c> escaped.</summary>
    public static void Text(TextWriter writer, ReadOnlySpan<char> text)
    {
        var from = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var escaped = text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                // NUL is not allowed in HTML text; the parser would change it anyway.
                '\0' => "\uFFFD",
                _ => null,
            };
            if (escaped is null)
                continue;
            writer.Write(text[from..i]);
            writer.Write(escaped);
            from = i + 1;
        }
        writer.Write(text[from..]);
    }

    /// <summary>The text escaped, as a string.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        using var writer = new StringWriter();
        Text(writer, text);
        return writer.ToString();
    }

    /// <summary>Serializes a value for a <c>&lt;script type="application/json"&gt;</c> island.</summary>
    public static string JsonIsland<T>(T value)
    {
        var json = JsonSerializer.Serialize(value, Json);
        // The encoder already escapes these; the replacement makes the guarantee independent of its defaults.
        return json.Replace("<", "\\u003C", StringComparison.Ordinal)
            .Replace(">", "\\u003E", StringComparison.Ordinal)
            .Replace("&", "\\u0026", StringComparison.Ordinal);
    }

    /// <summary>The CSP source expression of an inline element's content: <c>'sha256-…'</c>.</summary>
    public static string Hash(string content) =>
        "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(content))) + "'";

    /// <summary>The policy of a page whose only style and script are the given inline contents: nothing is loaded
    /// from anywhere, no other script runs, no form is sent, no base URL is changed.</summary>
    public static string Policy(string style, string script) =>
        $"default-src 'none'; style-src {Hash(style)}; script-src {Hash(script)}; img-src data:; base-uri 'none'; form-action 'none'";

    /// <summary>Writes the head of a page: charset, policy, viewport, title and the inline style.</summary>
    public static void Head(TextWriter w, string title, string style, string script)
    {
        w.Write("<!DOCTYPE html>\n<html lang=\"zh-Hans\">\n<head>\n<meta charset=\"utf-8\">\n");
        w.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"");
        w.Write(Policy(style, script));
        w.Write("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        w.Write("<meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"generator\" content=\"GovTextExtract\">\n<title>");
        Text(w, title);
        w.Write("</title>\n<style>");
        w.Write(style);
        w.Write("</style>\n</head>\n");
    }

    /// <summary>A number as the page shows it: invariant culture, up to two decimals, no trailing zeros.</summary>
    public static string Number(decimal? value) =>
        value is { } v ? v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : "";

    /// <summary>A status as the page names it (<c>not_met</c>).</summary>
    public static string StatusName(Records.CompletionStatus status) => status switch
    {
        Records.CompletionStatus.Exceeded => "exceeded",
        Records.CompletionStatus.Met => "met",
        Records.CompletionStatus.NotMet => "not_met",
        Records.CompletionStatus.Pending => "pending",
        _ => "unknown",
    };

    /// <summary>The statuses in the order the page lists them.</summary>
    public static IReadOnlyList<Records.CompletionStatus> StatusOrder { get; } =
    [
        Records.CompletionStatus.Exceeded, Records.CompletionStatus.Met, Records.CompletionStatus.NotMet,
        Records.CompletionStatus.Pending, Records.CompletionStatus.Unknown,
    ];
}
