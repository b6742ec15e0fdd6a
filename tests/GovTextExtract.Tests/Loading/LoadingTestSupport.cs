using System.Text;
using System.Text.RegularExpressions;
using GovTextExtract.Loading;

namespace GovTextExtract.Tests.Loading;

/// <summary>Helpers shared by the loading and table tests.</summary>
internal static class LoadingTestSupport
{
    static LoadingTestSupport() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    /// <summary>The folder holding GovTextExtract.sln, found by walking up from the test assembly.</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GovTextExtract.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("GovTextExtract.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The non-empty lines of a document's text.</summary>
    public static string[] Lines(LoadedDocument doc) =>
        doc.Text.Split('\n').Where(l => l.Trim().Length > 0).ToArray();

    /// <summary>Trims and collapses whitespace runs (ASCII, no-break, ideographic, en spaces) to one space.</summary>
    public static string Squash(string s) => Regex.Replace(s, @"[\s\u00A0\u2002\u2003\u3000]+", " ").Trim();

    /// <summary>Loads HTML text encoded as UTF-8.</summary>
    public static LoadedDocument Html(string html, string name = "page.html") =>
        DocumentLoader.FromBytes(Encoding.UTF8.GetBytes(html), name);

    /// <summary>The slice of the document text a span covers.</summary>
    public static string Slice(LoadedDocument doc, GovTextExtract.Text.SourceSpan span) => doc.Text.Substring(span.Start, span.Length);
}
