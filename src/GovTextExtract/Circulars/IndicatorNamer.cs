using System.Text.RegularExpressions;
using GovTextExtract.Documents;
using GovTextExtract.Lexicons;

namespace GovTextExtract.Circulars;

/// <summary>Names the indicator a figure reports on: the words of its clause before it (after any earlier figure of
/// the clause), less the scaffolding of time, place and effort (<c>indicator_strip</c> of cues.json) and period
/// phrases; when that leaves too little, the clause before it or the item's title.</summary>
internal sealed class IndicatorNamer(LexiconSet lex)
{
    private static readonly Regex Scaffolding = new(
        @"(?:[0-9]{4}年|今年|去年|[0-9一二三四五六七八九十]{1,2}\s*[-~至到—]\s*[0-9一二三四五六七八九十]{1,2}\s*月(?:份)?|元至[0-9]{1,2}月(?:份)?|截[至止][^,，]{0,10}?(?:底|末|日)|前三季度|上半年|[一二三]季度|前[0-9一二三四五六七八九十]{1,2}(?:个)?月|以来|目前|现已|同时|此外|另外|据统计|据了解|其中)",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private const int MinLength = 2;

    public string Name(GovDocument doc, Mention m)
    {
        var clause = doc.ClauseOf(m);
        var start = clause.Start;
        foreach (var other in doc.MentionsInSentence(m.Sentence))
            if (other.Index < m.Index && other.Span.End <= m.Span.Start && other.Span.End > start) start = other.Span.End;
        var name = Clean(doc.Text[start..m.Span.Start]);
        if (name.Length < MinLength && m.Clause > 0)
        {
            var previous = doc.Sentences[m.Sentence].Clauses[m.Clause - 1];
            name = Clean(doc.Text.Substring(previous.Start, previous.Length)) + name;
        }
        if (name.Length < MinLength)
        {
            var block = doc.Blocks[m.Block];
            var title = Clean(doc.Text[block.BodyStart..Math.Min(block.Span.End, block.BodyStart + 20)]);
            name = title.Length >= MinLength ? title : name;
        }
        return name.Length == 0 ? "(unnamed)" : name;
    }

    private string Clean(string s)
    {
        s = Scaffolding.Replace(s, "");
        s = s.Trim(' ', ',', '，', ':', '：', '、', '(', '（', ')', '）', '—', '-', '●', '•', '“', '”', '"');
        bool changed;
        do
        {
            changed = false;
            foreach (var p in lex.IndicatorStripPrefixes)
                if (s.Length > p.Length && s.StartsWith(p, StringComparison.Ordinal)) { s = s[p.Length..].TrimStart(); changed = true; }
            foreach (var p in lex.IndicatorStripSuffixes)
                if (s.Length > p.Length && s.EndsWith(p, StringComparison.Ordinal)) { s = s[..^p.Length].TrimEnd(); changed = true; }
            var trimmed = s.Trim(' ', ',', '，', ':', '：', '、', '的', '为', '是', '了');
            if (trimmed.Length != s.Length) { s = trimmed; changed = true; }
        } while (changed && s.Length > 0);
        foreach (var infix in lex.IndicatorStripInfixes) s = s.Replace(infix, "", StringComparison.Ordinal);
        return s;
    }
}
